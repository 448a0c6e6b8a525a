-- The leaderboard: one row per (run, strategy), from the latest generation in which the run evaluated it.

CREATE VIEW leaderboard AS
WITH latest AS (
    SELECT m.*,
           max(m.generation) OVER (PARTITION BY m.run_id, m.strategy_id) AS latest_generation
    FROM strategy_metrics m
), per_strategy AS (
    SELECT run_id,
           strategy_id,
           generation,
           min(fitness)                AS fitness,
           round(avg(sharpe_ratio), 4) AS avg_sharpe_ratio,
           round(avg(total_return), 4) AS avg_total_return,
           max(max_drawdown)           AS max_drawdown,
           sum(trade_count)            AS trade_count
    FROM latest
    WHERE generation = latest_generation
    GROUP BY run_id, strategy_id, generation
)
SELECT p.run_id,
       p.strategy_id,
       s.name,
       p.generation,
       p.fitness,
       p.avg_sharpe_ratio,
       p.avg_total_return,
       p.max_drawdown,
       p.trade_count,
       rank() OVER (PARTITION BY p.run_id ORDER BY p.fitness DESC) AS rank
FROM per_strategy p
LEFT JOIN strategies s ON s.id = p.strategy_id;

COMMENT ON VIEW leaderboard IS
    'One row per (run_id, strategy_id): the strategy''s metrics in the latest generation of the run that evaluated '
    'it, aggregated over symbols, ranked by fitness within the run. Order by rank to read it.';
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
