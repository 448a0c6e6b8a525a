-- Time partitioning: TimescaleDB hypertables where the extension can be created, else BRIN indexes.
-- The same file serves both cases. Uses the create_hypertable(regclass, name, ...) signature that
-- TimescaleDB 2.10 (the oldest on Neon) has; 2.13+ still accepts it.

DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS timescaledb;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'TimescaleDB unavailable (SQLSTATE %: %); using plain tables with BRIN indexes',
            SQLSTATE, SQLERRM;
    END;

    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM create_hypertable('market_data'::regclass, 'timestamp'::name,
            chunk_time_interval => interval '1 day', if_not_exists => true, migrate_data => true);
        PERFORM create_hypertable('strategy_metrics'::regclass, 'timestamp'::name,
            chunk_time_interval => interval '6 hours', if_not_exists => true, migrate_data => true);
    ELSE
        CREATE INDEX IF NOT EXISTS market_data_time_brin ON market_data USING brin ("timestamp");
        CREATE INDEX IF NOT EXISTS strategy_metrics_time_brin ON strategy_metrics USING brin ("timestamp");
    END IF;
END
$$;
