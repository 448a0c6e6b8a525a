package dev.phylo.bench.functions;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.schema.MigrationResult;
import dev.phylo.schema.Migrations;
import dev.phylo.store.Database;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.store.MarketDataRepository;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;

/**
 * The store's queries on TimescaleDB hypertables against plain tables, on one server, in one run
 * ({@code scripts/bench-functions timescale}; needs a server with TimescaleDB, named by {@code bench.timescale.url}
 * or {@code PHYLO_BENCH_TIMESCALE_URL}, as a superuser). Two fresh databases get the same
 * {@value #SYMBOLS} x {@value #BARS_PER_SYMBOL} hourly bars: one migrated by the superuser (hypertables, migration
 * V5's 365-day chunks), one migrated by a role that may create tables but not the extension (plain tables with BRIN,
 * as migration V2 falls back). Measured with the repository's own code where it has it:
 * <ol>
 *   <li>a one-month query of one symbol's bars (planning included: a plain statement each time);</li>
 *   <li>the ingest's read-back of one symbol ({@link MarketDataRepository#read}), in a transaction.</li>
 * </ol>
 */
final class TimescaleBench {

    static final int SYMBOLS = 200;
    static final int BARS_PER_SYMBOL = 25_000;
    private static final String PLAIN_ROLE = "phylo_bench_plain";

    record Result(
            MigrationResult hypertable,
            MigrationResult plain,
            long chunks,
            Samples monthHypertable,
            Samples monthPlain,
            Samples readHypertable,
            Samples readPlain) {}

    private final DatabaseUrl server;
    private final int warmups;
    private final int runs;
    private final Random random = new Random(42);

    TimescaleBench(DatabaseUrl server, int warmups, int runs) {
        this.server = server;
        this.warmups = warmups;
        this.runs = runs;
    }

    Result run() throws SQLException {
        String suffix = Long.toHexString(System.nanoTime());
        DatabaseUrl hyper = server.withDatabase("bench_hyper_" + suffix);
        DatabaseUrl plain = server.withDatabase("bench_plain_" + suffix);
        try {
            sql(server, "CREATE DATABASE " + hyper.database());
            sql(
                    server,
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + PLAIN_ROLE + "') "
                            + "THEN CREATE ROLE " + PLAIN_ROLE + " LOGIN PASSWORD 'plain'; END IF; END $$");
            // owned by the superuser: TimescaleDB is a trusted extension, which a database's owner may create
            sql(server, "CREATE DATABASE " + plain.database());
            sql(plain, "GRANT ALL ON SCHEMA public TO " + PLAIN_ROLE);
            MigrationResult hyperMode = Migrations.migrate(hyper);
            DatabaseUrl plainAsOwner =
                    DatabaseUrl.of(PLAIN_ROLE, "plain", plain.host(), plain.port(), plain.database());
            MigrationResult plainMode = Migrations.migrate(plainAsOwner);
            if (!hyperMode.timescale() || plainMode.timescale()) {
                throw new IllegalStateException("expected hypertables and plain tables, got " + hyperMode.storage()
                        + " and " + plainMode.storage());
            }
            FunctionsBench.progress(Format.f(
                    "timescale: loading %s bars into each database", Format.count((long) SYMBOLS * BARS_PER_SYMBOL)));
            for (DatabaseUrl db : new DatabaseUrl[] {hyper, plainAsOwner}) {
                sql(
                        db,
                        "INSERT INTO market_data (\"timestamp\", symbol, interval, open, high, low, close, volume, "
                                + "source) SELECT timestamptz '2021-01-01' + h * interval '1 hour', 'S' || lpad(s::text, 3, "
                                + "'0'), '1h', 100 + s, 101 + s, 99 + s, 100.5 + s, 1000, 'bench' "
                                + "FROM generate_series(1, " + SYMBOLS + ") s, generate_series(0, "
                                + (BARS_PER_SYMBOL - 1)
                                + ") h");
                sql(db, "VACUUM ANALYZE market_data");
            }
            long chunks = count(
                    hyper,
                    "SELECT count(*) FROM timescaledb_information.chunks " + "WHERE hypertable_name = 'market_data'");
            Samples monthHyper = new Samples("one month, hypertable");
            Samples monthPlain = new Samples("one month, plain");
            // one warm connection per database, as a function's pool holds; a plain statement each time, so that
            // planning (where chunks cost) is measured too
            try (Connection h = PostgresJdbc.connect(hyper);
                    Connection p = PostgresJdbc.connect(plainAsOwner)) {
                for (int i = 0; i < warmups + runs; i++) {
                    int symbol = 1 + random.nextInt(SYMBOLS);
                    int month = random.nextInt(BARS_PER_SYMBOL / 24 / 31);
                    String query = "SELECT * FROM market_data WHERE symbol = 'S" + String.format("%03d", symbol)
                            + "' AND interval = '1h' AND \"timestamp\" >= timestamptz '2021-01-01' + interval '"
                            + month + " months' AND \"timestamp\" < timestamptz '2021-01-01' + interval '" + (month + 1)
                            + " months' ORDER BY \"timestamp\"";
                    // alternate, so that drift on a shared machine hits both alike
                    long th = timeQuery(h, query, 672);
                    long tp = timeQuery(p, query, 672);
                    if (i >= warmups) {
                        monthHyper.add(th);
                        monthPlain.add(tp);
                    }
                }
            }
            Samples readHyper = new Samples("read-back of one symbol, hypertable");
            Samples readPlain = new Samples("read-back of one symbol, plain");
            try (Reader h = new Reader(hyper);
                    Reader p = new Reader(plainAsOwner)) {
                for (int i = 0; i < warmups + runs; i++) {
                    String symbol = "S" + String.format("%03d", 1 + random.nextInt(SYMBOLS));
                    long th = h.read(symbol);
                    long tp = p.read(symbol);
                    if (i >= warmups) {
                        readHyper.add(th);
                        readPlain.add(tp);
                    }
                }
            }
            return new Result(hyperMode, plainMode, chunks, monthHyper, monthPlain, readHyper, readPlain);
        } finally {
            sql(server, "DROP DATABASE IF EXISTS " + hyper.database() + " WITH (FORCE)");
            sql(server, "DROP DATABASE IF EXISTS " + plain.database() + " WITH (FORCE)");
        }
    }

    /** Runs the query and reads every row; fails unless it returns at least {@code minRows}. */
    private static long timeQuery(Connection connection, String query, int minRows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            int rows = 0;
            try (ResultSet rs = statement.executeQuery(query)) {
                while (rs.next()) {
                    rows++;
                }
            }
            long elapsed = System.nanoTime() - start;
            if (rows < minRows) {
                throw new IllegalStateException(rows + " rows from " + query);
            }
            return elapsed;
        }
    }

    private static long count(DatabaseUrl db, String query) throws SQLException {
        try (Connection connection = PostgresJdbc.connect(db);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(DatabaseUrl db, String sql) throws SQLException {
        try (Connection connection = PostgresJdbc.connect(db);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The store's read-back over a reactive pool, as the ingest function runs it. */
    private static final class Reader implements AutoCloseable {
        private final Vertx vertx = Vertx.vertx();
        private final Pool pool;
        private final Database database;
        private final MarketDataRepository repository = new MarketDataRepository();

        Reader(DatabaseUrl url) {
            this.pool = BenchDatabases.pool(vertx, url, 1);
            this.database = new Database(pool, Duration.ofSeconds(120));
        }

        long read(String symbol) {
            long start = System.nanoTime();
            BarSeries series =
                    database.await("read back " + symbol, c -> repository.read(c, symbol, BarInterval.ONE_HOUR));
            long elapsed = System.nanoTime() - start;
            if (series == null || series.size() != BARS_PER_SYMBOL) {
                throw new IllegalStateException(
                        "read back " + (series == null ? 0 : series.size()) + " bars of " + symbol);
            }
            return elapsed;
        }

        @Override
        public void close() {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }
}
