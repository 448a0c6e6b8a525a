-- Per-run summaries that persist keeps beside strategy_metrics, so reads cost the same at 10 million rows as at
-- ten thousand (docs/architecture.md, decision 19).
--
-- Before, three readers aggregated all of a run's strategy_metrics rows on every call: the leaderboard view, the
-- run's progress that persist recomputed after each generation (a count of distinct strategies and the best over
-- the whole run), and the CLI's line per generation. Each grew with the run. Now persist calls
-- summarize_generation(run, generation, run's created_at) in its transaction, right after it writes a generation:
--   run_generations  one row per (run, generation): strategies evaluated, the best one (fitness, then strategy id)
--                    and the median fitness;
--   run_strategies   one row per (run, strategy): the strategy's metrics in the latest generation that evaluated it,
--                    aggregated over symbols (what the leaderboard shows).
-- Both are computed from that generation's rows alone, so a generation costs the same however long the run is, and
-- a replay changes no row. The leaderboard keeps its columns and meaning; it reads run_strategies, and
-- "WHERE run_id = ... AND rank <= N" walks run_strategies_rank and stops after N rows.
--
-- Both tables are plain in either storage mode, with the run's created_at as "timestamp" so that retention drops
-- them with the run's metrics (a BRIN index: rows arrive in run order, and a btree would cost every insert more).
-- No foreign keys, as for strategy_metrics: the writer checks the ids.
--
-- strategy_metrics_strategy_time (strategy_id, "timestamp") is dropped: no query used it, and keeping it up to date
-- cost about a quarter of each generation's insert.

DROP INDEX IF EXISTS strategy_metrics_strategy_time;

-- `phylo runs` lists the latest runs first: an index scan that stops at its limit, however many runs there are
CREATE INDEX runs_created_at ON runs (created_at DESC);

CREATE TABLE run_generations (
    run_id           text             NOT NULL,
    generation       int              NOT NULL,
    "timestamp"      timestamptz      NOT NULL,
    evaluated        bigint           NOT NULL CHECK (evaluated > 0),
    best_strategy_id text             NOT NULL,
    best_fitness     double precision NOT NULL,
    median_fitness   double precision NOT NULL,
    PRIMARY KEY (run_id, generation)
);
CREATE INDEX run_generations_time ON run_generations USING brin ("timestamp");

COMMENT ON TABLE run_generations IS
    'One row per (run, generation) with stored metrics, written by summarize_generation from that generation''s '
    'strategy_metrics rows. Natural key (run_id, generation).';
COMMENT ON COLUMN run_generations."timestamp" IS 'The run''s created_at, as in strategy_metrics (for retention).';
COMMENT ON COLUMN run_generations.evaluated IS 'Distinct strategies with metrics in this generation.';
COMMENT ON COLUMN run_generations.best_strategy_id IS 'Highest fitness in the generation; ties go to the lower id.';
COMMENT ON COLUMN run_generations.median_fitness IS
    'Median of the strategies'' fitness in the generation (each strategy''s lowest over its symbols).';

CREATE TABLE run_strategies (
    run_id           text             NOT NULL,
    strategy_id      text             NOT NULL,
    "timestamp"      timestamptz      NOT NULL,
    generation       int              NOT NULL,
    fitness          double precision NOT NULL,
    avg_sharpe_ratio numeric,
    avg_total_return numeric,
    max_drawdown     numeric,
    trade_count      bigint           NOT NULL,
    PRIMARY KEY (run_id, strategy_id)
);
-- covering: the top N of a run is an index-only scan in rank order that stops after N entries (the planner picks a
-- sort of the whole run otherwise, costing the scan as if every entry were read)
CREATE INDEX run_strategies_rank ON run_strategies (run_id, fitness DESC, strategy_id)
    INCLUDE (generation, avg_sharpe_ratio, avg_total_return, max_drawdown, trade_count);
CREATE INDEX run_strategies_time ON run_strategies USING brin ("timestamp");

COMMENT ON TABLE run_strategies IS
    'One row per (run, strategy): its metrics in the latest generation of the run that evaluated it, aggregated '
    'over symbols; written by summarize_generation. The leaderboard view ranks these rows. '
    'Natural key (run_id, strategy_id).';
COMMENT ON COLUMN run_strategies."timestamp" IS 'The run''s created_at, as in strategy_metrics (for retention).';

-- The one definition of both summaries: persist calls it after each generation, the backfill below for stored runs.
CREATE FUNCTION summarize_generation(p_run_id text, p_generation int, p_timestamp timestamptz)
RETURNS void
LANGUAGE sql
AS $$
    -- one pass over the generation's rows (a range of the primary key), shared by both summaries
    WITH per_strategy AS MATERIALIZED (
        SELECT m.strategy_id, min(m.fitness) AS fitness, max(m.fitness) AS top_fitness,
               round(avg(m.sharpe_ratio), 4) AS avg_sharpe_ratio, round(avg(m.total_return), 4) AS avg_total_return,
               max(m.max_drawdown) AS max_drawdown, sum(m.trade_count) AS trade_count
          FROM strategy_metrics m
         WHERE m.run_id = p_run_id AND m.generation = p_generation AND m."timestamp" = p_timestamp
         GROUP BY m.strategy_id
    ), strategies_written AS (
        INSERT INTO run_strategies AS s (run_id, strategy_id, "timestamp", generation, fitness, avg_sharpe_ratio,
                                         avg_total_return, max_drawdown, trade_count)
        SELECT p_run_id, strategy_id, p_timestamp, p_generation, fitness, avg_sharpe_ratio, avg_total_return,
               max_drawdown, trade_count
          FROM per_strategy
        ON CONFLICT (run_id, strategy_id) DO UPDATE
           SET "timestamp" = EXCLUDED."timestamp", generation = EXCLUDED.generation, fitness = EXCLUDED.fitness,
               avg_sharpe_ratio = EXCLUDED.avg_sharpe_ratio, avg_total_return = EXCLUDED.avg_total_return,
               max_drawdown = EXCLUDED.max_drawdown, trade_count = EXCLUDED.trade_count
         WHERE s.generation <= EXCLUDED.generation
           AND (s."timestamp", s.generation, s.fitness, s.avg_sharpe_ratio, s.avg_total_return, s.max_drawdown,
                s.trade_count)
               IS DISTINCT FROM
               (EXCLUDED."timestamp", EXCLUDED.generation, EXCLUDED.fitness, EXCLUDED.avg_sharpe_ratio,
                EXCLUDED.avg_total_return, EXCLUDED.max_drawdown, EXCLUDED.trade_count)
    ), best AS (
        SELECT strategy_id, top_fitness FROM per_strategy ORDER BY top_fitness DESC, strategy_id LIMIT 1
    )
    INSERT INTO run_generations AS g (run_id, generation, "timestamp", evaluated, best_strategy_id, best_fitness,
                                      median_fitness)
    SELECT p_run_id, p_generation, p_timestamp, n.evaluated, b.strategy_id, b.top_fitness, n.median
      FROM (SELECT count(*) AS evaluated, percentile_cont(0.5) WITHIN GROUP (ORDER BY fitness) AS median
              FROM per_strategy) n
      JOIN best b ON true
    ON CONFLICT (run_id, generation) DO UPDATE
       SET "timestamp" = EXCLUDED."timestamp", evaluated = EXCLUDED.evaluated,
           best_strategy_id = EXCLUDED.best_strategy_id, best_fitness = EXCLUDED.best_fitness,
           median_fitness = EXCLUDED.median_fitness
     WHERE (g."timestamp", g.evaluated, g.best_strategy_id, g.best_fitness, g.median_fitness)
           IS DISTINCT FROM
           (EXCLUDED."timestamp", EXCLUDED.evaluated, EXCLUDED.best_strategy_id, EXCLUDED.best_fitness,
            EXCLUDED.median_fitness);
$$;

COMMENT ON FUNCTION summarize_generation(text, int, timestamptz) IS
    'Writes run_strategies and run_generations for one stored generation of a run from its strategy_metrics rows. '
    'Idempotent; a generation older than a strategy''s latest leaves that strategy''s row alone.';

-- Runs stored before this migration, generation by generation in order (the latest generation wins).
DO $$
DECLARE
    g record;
BEGIN
    FOR g IN SELECT DISTINCT run_id, generation, "timestamp" FROM strategy_metrics ORDER BY run_id, generation LOOP
        PERFORM summarize_generation(g.run_id, g.generation, g."timestamp");
    END LOOP;
END
$$;

DROP VIEW leaderboard;
CREATE VIEW leaderboard AS
SELECT p.run_id,
       p.strategy_id,
       -- a lookup per row returned, not a join the planner sizes for the whole run (id is the primary key)
       (SELECT s.name FROM strategies s WHERE s.id = p.strategy_id) AS name,
       p.generation,
       p.fitness,
       p.avg_sharpe_ratio,
       p.avg_total_return,
       p.max_drawdown,
       p.trade_count,
       p.rank
FROM (SELECT r.run_id, r.strategy_id, r.generation, r.fitness, r.avg_sharpe_ratio, r.avg_total_return,
             r.max_drawdown, r.trade_count, rank() OVER (PARTITION BY r.run_id ORDER BY r.fitness DESC) AS rank
        FROM run_strategies r) p;

COMMENT ON VIEW leaderboard IS
    'One row per (run_id, strategy_id): the strategy''s metrics in the latest generation of the run that evaluated '
    'it, aggregated over symbols, ranked by fitness within the run. Read the top N with '
    '"WHERE run_id = ... AND rank <= N ORDER BY rank": that stops after N rows of run_strategies_rank.';
COMMENT ON COLUMN leaderboard.run_id IS 'The run.';
COMMENT ON COLUMN leaderboard.strategy_id IS 'The strategy (strategies.id).';
COMMENT ON COLUMN leaderboard.name IS 'strategies.name; NULL if the strategy row is missing (no foreign key).';
COMMENT ON COLUMN leaderboard.generation IS 'Latest generation of the run in which the strategy was evaluated.';
COMMENT ON COLUMN leaderboard.fitness IS
    'Fitness in that generation. Rows of one generation normally carry the same fitness for every symbol; '
    'if they differ, the lowest (the conservative choice).';
COMMENT ON COLUMN leaderboard.avg_sharpe_ratio IS 'Mean Sharpe ratio over the symbols, rounded to 4 decimals.';
COMMENT ON COLUMN leaderboard.avg_total_return IS 'Mean total return over the symbols, rounded to 4 decimals.';
COMMENT ON COLUMN leaderboard.max_drawdown IS 'Largest max_drawdown over the symbols.';
COMMENT ON COLUMN leaderboard.trade_count IS 'Trades summed over the symbols.';
COMMENT ON COLUMN leaderboard.rank IS
    'rank() within the run by fitness, highest first; tied strategies share a rank and the next rank is skipped.';
