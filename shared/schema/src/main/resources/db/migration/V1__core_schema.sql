-- Phylo core schema. PostgreSQL 17; also valid on Neon (PostgreSQL 14-17, TimescaleDB Apache-2 edition 2.10-2.17).
-- Every write is an upsert on the natural key named in each table's comment, so replayed steps are idempotent.
-- The column named interval needs no quoting (it is a non-reserved keyword); "timestamp" is quoted throughout.

CREATE TABLE market_data (
    "timestamp" timestamptz   NOT NULL,
    symbol      text          NOT NULL,
    interval    text          NOT NULL,
    open        numeric(20,8) NOT NULL,
    high        numeric(20,8) NOT NULL,
    low         numeric(20,8) NOT NULL,
    close       numeric(20,8) NOT NULL,
    volume      numeric(20,8) NOT NULL,
    source      text          NOT NULL,
    PRIMARY KEY (symbol, interval, "timestamp")
);
CREATE INDEX market_data_symbol_time ON market_data (symbol, "timestamp" DESC);

COMMENT ON TABLE market_data IS
    'OHLCV bars as ingested. Natural key (symbol, interval, "timestamp"); "timestamp" is the bar''s open time. '
    'A TimescaleDB hypertable (1-day chunks) where the extension exists, else a plain table with a BRIN index.';
COMMENT ON COLUMN market_data."timestamp" IS 'Open time of the bar.';
COMMENT ON COLUMN market_data.interval IS 'Bar length as written in the source file, e.g. 1m, 1h, 1d.';
COMMENT ON COLUMN market_data.source IS 'Where the bar came from, e.g. s3://bucket/key or a local file name.';

CREATE TABLE strategies (
    id         text        PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
    spec       jsonb       NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE strategies IS
    'Strategy genomes, content-addressed. Natural key id = 32 lowercase hex characters of the hash of the '
    'canonical spec JSON, so the same strategy found by two runs is stored once.';
COMMENT ON COLUMN strategies.id IS 'Hash of the canonical spec JSON: 32 lowercase hex characters.';
COMMENT ON COLUMN strategies.spec IS 'The strategy specification (indicators, rules, parameters).';
COMMENT ON COLUMN strategies.name IS 'Human-readable name derived from the spec.';

CREATE TABLE runs (
    run_id              text             PRIMARY KEY,
    config              jsonb            NOT NULL,
    seed                bigint           NOT NULL,
    status              text             NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    generations_planned int              NOT NULL,
    generation          int,
    evaluated           bigint           NOT NULL DEFAULT 0 CHECK (evaluated >= 0),
    best_strategy_id    text             REFERENCES strategies (id),
    best_fitness        double precision,
    best_generation     int,
    created_at          timestamptz      NOT NULL DEFAULT now(),
    updated_at          timestamptz      NOT NULL DEFAULT now(),
    finished_at         timestamptz,
    error               text
);

COMMENT ON TABLE runs IS
    'One row per evolution run and its progress. Natural key run_id (given by the caller, e.g. the execution name).';
COMMENT ON COLUMN runs.config IS 'The run input: population, generations, symbols, fitness, limits.';
COMMENT ON COLUMN runs.seed IS 'Seed of the run''s random generator; generation g uses a generator seeded from (seed, g).';
COMMENT ON COLUMN runs.generation IS 'Last persisted generation; NULL before the first one is persisted.';
COMMENT ON COLUMN runs.evaluated IS 'Strategies evaluated so far, over all generations.';
COMMENT ON COLUMN runs.best_strategy_id IS 'Fittest strategy so far (references strategies).';
COMMENT ON COLUMN runs.created_at IS 'Start of the run; also the "timestamp" of all its strategy_metrics rows.';
COMMENT ON COLUMN runs.error IS 'Why the run failed, when status = ''failed''.';

-- No foreign keys on strategy_metrics: it is a hypertable under TimescaleDB, where foreign keys from it are costly
-- (checked per chunk) and foreign keys to it are unsupported. run_id and strategy_id are checked by the writer.
CREATE TABLE strategy_metrics (
    "timestamp"   timestamptz      NOT NULL,
    run_id        text             NOT NULL,
    generation    int              NOT NULL,
    strategy_id   text             NOT NULL,
    symbol        text             NOT NULL,
    fitness       double precision NOT NULL,
    sharpe_ratio  numeric(10,4),
    total_return  numeric(10,4),
    max_drawdown  numeric(10,4),
    trade_count   int              NOT NULL,
    win_rate      numeric(5,4),
    profit_factor numeric(10,4),
    cagr          double precision,
    sortino       double precision,
    calmar        double precision,
    exposure      double precision,
    avg_trade     double precision,
    best_trade    double precision,
    worst_trade   double precision,
    final_equity  double precision,
    bars          int              NOT NULL,
    PRIMARY KEY (run_id, generation, strategy_id, symbol, "timestamp")
);
CREATE INDEX strategy_metrics_strategy_time ON strategy_metrics (strategy_id, "timestamp" DESC);

COMMENT ON TABLE strategy_metrics IS
    'Backtest metrics of one strategy on one symbol in one generation of a run. '
    'Natural key (run_id, generation, strategy_id, symbol); "timestamp" is in the primary key only because a '
    'hypertable needs its time column in every unique index. No foreign keys (see the migration). '
    'A TimescaleDB hypertable (6-hour chunks) where the extension exists, else a plain table with a BRIN index.';
COMMENT ON COLUMN strategy_metrics."timestamp" IS
    'The run''s created_at, not the time of writing, so a replayed persist step writes identical rows.';
COMMENT ON COLUMN strategy_metrics.fitness IS 'The GA fitness of the strategy in this generation.';
COMMENT ON COLUMN strategy_metrics.bars IS 'Number of bars the backtest ran over.';

CREATE TABLE ingest_files (
    bucket         text        NOT NULL,
    key            text        NOT NULL,
    version        text        NOT NULL,
    symbol         text        NOT NULL,
    interval       text        NOT NULL,
    mode           text        NOT NULL CHECK (mode IN ('strict', 'lenient')),
    rows_inserted  int         NOT NULL CHECK (rows_inserted >= 0),
    rows_updated   int         NOT NULL CHECK (rows_updated >= 0),
    rows_unchanged int         NOT NULL CHECK (rows_unchanged >= 0),
    rows_rejected  int         NOT NULL CHECK (rows_rejected >= 0),
    snapshot_id    text,
    ingested_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (bucket, key, version)
);

COMMENT ON TABLE ingest_files IS
    'Every file version ingested, so a redelivered S3 event is recognised and skipped. '
    'Natural key (bucket, key, version).';
COMMENT ON COLUMN ingest_files.version IS
    'S3 versionId; else the ETag; for local files the SHA-256 of the bytes.';
COMMENT ON COLUMN ingest_files.snapshot_id IS 'Content hash of the EFS snapshot written from this file, if any.';

CREATE TABLE ingest_rejects (
    bucket  text NOT NULL,
    key     text NOT NULL,
    version text NOT NULL,
    line    int  NOT NULL,
    reason  text NOT NULL,
    PRIMARY KEY (bucket, key, version, line),
    FOREIGN KEY (bucket, key, version) REFERENCES ingest_files ON DELETE CASCADE
);

COMMENT ON TABLE ingest_rejects IS
    'Rows of an ingested file that were rejected, and why. Natural key (bucket, key, version, line).';
COMMENT ON COLUMN ingest_rejects.line IS 'Line number in the file, 1-based, header included.';
