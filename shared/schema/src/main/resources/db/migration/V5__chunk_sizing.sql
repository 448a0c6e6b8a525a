-- Hypertable chunks sized for the data (docs/architecture.md, decision 7).
--
-- V2 made market_data 1-day and strategy_metrics 6-hour chunks. A transaction locks every chunk it touches, so 20
-- years of daily bars written at once created about 5,000 chunks and ran out of lock slots at PostgreSQL's defaults
-- (max_locks_per_transaction 64); strategy_metrics got one chunk per run, since its time is the run's created_at.
-- Now:
--   market_data      365-day chunks: 20 daily years are 20 chunks; 5 years of 1-minute bars of a symbol are 6.
--   strategy_metrics 30-day chunks: the runs of a month share one; retention drops a month at a time.
-- New chunks get the new size; chunks already made keep theirs.
--
-- create_hypertable also put a "timestamp" index on every chunk (create_default_indexes). Our own indexes cover
-- every query (the primary keys end in "timestamp", retention drops whole chunks), so it is dropped.
--
-- Without TimescaleDB this changes nothing: the tables stay plain, with V2's BRIN indexes on "timestamp".

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'market_data'::regclass AND tgname = 'ts_insert_blocker') THEN
        PERFORM set_chunk_time_interval('market_data'::regclass, interval '365 days');
        DROP INDEX IF EXISTS market_data_timestamp_idx;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'strategy_metrics'::regclass
                                         AND tgname = 'ts_insert_blocker') THEN
        PERFORM set_chunk_time_interval('strategy_metrics'::regclass, interval '30 days');
        DROP INDEX IF EXISTS strategy_metrics_timestamp_idx;
    END IF;
END
$$;
