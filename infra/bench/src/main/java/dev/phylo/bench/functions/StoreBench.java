package dev.phylo.bench.functions;

import dev.phylo.postgres.EmbeddedDatabase;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.schema.MigrationResult;
import dev.phylo.schema.Migrations;
import dev.phylo.store.Database;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.store.RunRepository;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store at 10 million rows (run by {@code scripts/bench-store}): loads {@value #SYMBOLS} symbols x
 * {@value #BARS_PER_SYMBOL} hourly bars into market_data and {@value #RUNS} runs x {@value #GENERATIONS} generations x
 * {@value #STRATEGIES} strategies x 2 symbols into strategy_metrics, with each generation summarized by the function
 * persist calls, then times the queries users and functions make, each with random arguments, and prints p50, p95
 * and one plan each. Against an embedded PostgreSQL 17 by default (kept in {@code bench.store.dir} when given, so a
 * second run reuses the loaded tables), or the server named by {@code bench.store.url} /
 * {@code PHYLO_BENCH_STORE_URL} (a fresh database is created on it and dropped afterwards).
 */
public final class StoreBench {

    static final int SYMBOLS = 100;
    static final int BARS_PER_SYMBOL = 100_000;
    static final int RUNS = 50;
    static final int GENERATIONS = 10;
    static final int STRATEGIES = 10_000;
    /** Half of each generation's strategies carry over to the next, as a GA's survivors do. */
    static final int NEW_PER_GENERATION = STRATEGIES / 2;

    /** Runs without metrics besides those: `phylo runs` lists the latest of all. */
    static final int PAST_RUNS = 10_000;

    static final LocalDate FIRST_BAR = LocalDate.of(2014, 1, 1);

    private static final String LEADERBOARD = "SELECT * FROM leaderboard WHERE run_id = ? AND rank <= 20 ORDER BY rank";
    private static final String MONTH_OF_BARS = """
            SELECT "timestamp", open, high, low, close, volume FROM market_data
             WHERE symbol = ? AND "interval" = '1h' AND "timestamp" >= ? AND "timestamp" < ?
             ORDER BY "timestamp\"""";
    /** The query of {@code phylo runs} (RunsCommand), with its default limit. */
    private static final String RUNS_LIST = """
            SELECT run_id, status, created_at, generation, generations_planned, evaluated, best_fitness,
                   coalesce(finished_at, updated_at) - created_at AS took, left(error, 60) AS error
              FROM runs ORDER BY created_at DESC LIMIT 20""";
    /** The CLI's line per generation while a run goes (RunMonitor). */
    private static final String GENERATION_LINE = """
            SELECT best_fitness AS best, median_fitness AS median, evaluated AS n FROM run_generations
             WHERE run_id = ? AND generation = ?""";

    private final int warmups;
    private final int runs;
    private final Random random = new Random(42);

    private StoreBench(int warmups, int runs) {
        this.warmups = warmups;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        int warmups = Integer.getInteger("bench.store.warmups", 50);
        int runs = Integer.getInteger("bench.store.runs", 500);
        String server = System.getProperty("bench.store.url", System.getenv("PHYLO_BENCH_STORE_URL"));
        long started = System.nanoTime();
        if (server == null || server.isBlank()) {
            String dir = System.getProperty("bench.store.dir");
            progress("starting embedded PostgreSQL" + (dir == null ? "" : " in " + dir));
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir == null ? null : Path.of(dir))) {
                new StoreBench(warmups, runs).run(db.url(), "embedded PostgreSQL");
            }
        } else {
            DatabaseUrl base = DatabaseUrl.parse(server);
            DatabaseUrl fresh = base.withDatabase("bench_store_" + Long.toHexString(System.nanoTime()));
            sql(base, "CREATE DATABASE " + fresh.database());
            try {
                new StoreBench(warmups, runs).run(fresh, base.host());
            } finally {
                sql(base, "DROP DATABASE IF EXISTS " + fresh.database());
            }
        }
        System.out.println(Format.f(
                "machine: %d cores, Java %s; benchmark took %.0f s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                (System.nanoTime() - started) / 1e9));
        System.out.flush();
        System.exit(0);
    }

    private void run(DatabaseUrl url, String where) throws Exception {
        MigrationResult migration = Migrations.migrate(url);
        System.out.println("database: " + where + ", schema " + migration.currentVersion() + ", "
                + migration.storage().mode() + " (" + migration.storage().reason() + ")");
        List<StoredRun> stored;
        if (count(url, "market_data") == (long) SYMBOLS * BARS_PER_SYMBOL
                && count(url, "strategy_metrics") == (long) RUNS * GENERATIONS * STRATEGIES * 2) {
            // a database kept from an earlier run (bench.store.dir): the same rows, so the load is skipped
            stored = storedRuns(url);
            System.out.println("reusing the loaded tables: " + sizes(url));
        } else {
            long load = System.nanoTime();
            loadMarketData(url);
            stored = loadMetrics(url);
            progress("VACUUM ANALYZE");
            sql(url, "VACUUM ANALYZE");
            System.out.println(Format.f("loaded in %.0f s: %s", (System.nanoTime() - load) / 1e9, sizes(url)));
        }

        Vertx vertx = Vertx.vertx();
        Pool pool = BenchDatabases.pool(vertx, url, 1);
        Database database = new Database(pool, Duration.ofSeconds(60));
        RunRepository repository = new RunRepository();
        List<String> lines = new ArrayList<>();
        try (Connection c = PostgresJdbc.connect(url)) {
            measure(lines, c, "leaderboard, top 20 of a run", LEADERBOARD, () -> {
                StoredRun run = stored.get(random.nextInt(stored.size()));
                return new Object[] {run.runId()};
            });
            measure(lines, c, "one month of hourly bars, one symbol", MONTH_OF_BARS, () -> {
                OffsetDateTime from = FIRST_BAR
                        .plusMonths(random.nextInt(BARS_PER_SYMBOL / 24 / 31))
                        .atStartOfDay()
                        .atOffset(ZoneOffset.UTC);
                return new Object[] {symbol(random.nextInt(SYMBOLS)), from, from.plusMonths(1)};
            });
            measure(lines, c, "phylo runs (latest 20)", RUNS_LIST, () -> new Object[0]);
            measure(lines, c, "the CLI's line per generation", GENERATION_LINE, () -> {
                StoredRun run = stored.get(random.nextInt(stored.size()));
                return new Object[] {run.runId(), random.nextInt(GENERATIONS)};
            });
            // the report's and persist's own statements, through the repository the functions use
            measureCode(lines, "report: the run's row (RunRepository.get)", true, () -> {
                StoredRun run = stored.get(random.nextInt(stored.size()));
                database.await("get", conn -> repository.get(conn, run.runId()));
            });
            measureCode(lines, "persist: summaries + progress, 20,000 rows replayed", false, () -> {
                StoredRun run = stored.get(random.nextInt(stored.size()));
                int g = random.nextInt(GENERATIONS);
                database.await("progress", conn -> repository.recordProgress(conn, run.runId(), g, run.createdAt()));
            });
        } finally {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
        System.out.println();
        System.out.println(Format.f(
                "summary (%d runs each after %d warm-ups, random arguments; target p95 < 20 ms; plans above):",
                runs, warmups));
        lines.forEach(System.out::println);
    }

    private void measure(List<String> lines, Connection c, String name, String query, Supplier<Object[]> arguments)
            throws SQLException {
        progress("timing: " + name);
        Samples samples = new Samples(name);
        try (PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < warmups + runs; i++) {
                Object[] args = arguments.get();
                for (int a = 0; a < args.length; a++) {
                    ps.setObject(a + 1, args[a]);
                }
                long start = System.nanoTime();
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                long elapsed = System.nanoTime() - start;
                if (rows == 0 && args.length > 0) {
                    throw new IllegalStateException(name + " returned no row for " + List.of(args));
                }
                if (i >= warmups) {
                    samples.add(elapsed);
                }
            }
        }
        lines.add(line(samples, true));
        Object[] args = arguments.get();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + query)) {
            for (int a = 0; a < args.length; a++) {
                ps.setObject(a + 1, args[a]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.println("      " + rs.getString(1));
                }
            }
        }
    }

    private void measureCode(List<String> lines, String name, boolean target, Runnable call) {
        progress("timing: " + name);
        Samples samples = new Samples(name);
        for (int i = 0; i < warmups + runs; i++) {
            long start = System.nanoTime();
            call.run();
            long elapsed = System.nanoTime() - start;
            if (i >= warmups) {
                samples.add(elapsed);
            }
        }
        lines.add(line(samples, target));
    }

    /** The figures of one query, printed at once (and kept for the summary) so nothing is lost if a later one fails. */
    private static String line(Samples s, boolean target) {
        double p95 = s.quantileSeconds(0.95) * 1e3;
        String line = Format.f(
                "  %-50s p50 %7.2f ms   p95 %7.2f ms   %s",
                s.name(),
                s.quantileSeconds(0.5) * 1e3,
                p95,
                target ? Format.verdict(p95 < 20) : "(a write; no target)");
        System.out.println(line);
        return line;
    }

    private static void loadMarketData(DatabaseUrl url) throws SQLException {
        for (int s = 0; s < SYMBOLS; s++) {
            if (s % 10 == 0) {
                progress(Format.f("market_data: symbols %d-%d of %d", s + 1, Math.min(SYMBOLS, s + 10), SYMBOLS));
            }
            // a random walk per symbol, so the values are not all alike
            sql(
                    url,
                    "INSERT INTO market_data (\"timestamp\", symbol, interval, open, high, low, close, volume, source) "
                            + "SELECT timestamptz '" + FIRST_BAR + " 00:00Z' + h * interval '1 hour', '" + symbol(s)
                            + "', '1h', p, p * 1.004, p * 0.996, p * (1 + (random() - 0.5) * 0.004), "
                            + "round((1000 + random() * 1000)::numeric, 2), 'bench' FROM (SELECT h, round((100 + " + s
                            + " + 10 * sin(h / 500.0) + random())::numeric, 4) AS p FROM generate_series(0, "
                            + (BARS_PER_SYMBOL - 1) + ") h) bars");
        }
    }

    /** Runs with their strategies and metrics, each generation summarized by summarize_generation as persist does. */
    private static List<StoredRun> loadMetrics(DatabaseUrl url) throws SQLException {
        List<StoredRun> loaded = new ArrayList<>();
        OffsetDateTime first = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int r = 0; r < RUNS; r++) {
            String runId = String.format("bench-run-%03d", r);
            OffsetDateTime createdAt = first.plusDays(7L * r);
            progress(Format.f("strategy_metrics: run %d of %d", r + 1, RUNS));
            sql(
                    url,
                    "INSERT INTO runs (run_id, config, seed, status, generations_planned, created_at) VALUES ('" + runId
                            + "', '{}', " + r + ", 'succeeded', " + GENERATIONS + ", '" + createdAt + "')");
            int distinct = STRATEGIES + (GENERATIONS - 1) * NEW_PER_GENERATION;
            sql(
                    url,
                    "INSERT INTO strategies (id, name, spec) SELECT md5('" + runId + ":' || s), 'bench-' || s, "
                            + "'{\"bench\": true}' FROM generate_series(0, " + (distinct - 1) + ") s");
            for (int g = 0; g < GENERATIONS; g++) {
                int from = g * NEW_PER_GENERATION;
                sql(
                        url,
                        "INSERT INTO strategy_metrics (\"timestamp\", run_id, generation, strategy_id, symbol, "
                                + "fitness, sharpe_ratio, total_return, max_drawdown, trade_count, win_rate, profit_factor, "
                                + "cagr, sortino, calmar, exposure, avg_trade, best_trade, worst_trade, final_equity, bars) "
                                + "SELECT '" + createdAt + "', '" + runId + "', " + g + ", md5('" + runId + ":' || s), "
                                + "'SYM' || k, f, round((f * 2)::numeric, 4), round((f / 3)::numeric, 4), "
                                + "round((-random() / 2)::numeric, 4), (random() * 200)::int, round(random()::numeric, 4), "
                                + "round((random() * 3)::numeric, 4), f / 10, f * 1.5, f * 2, random(), f / 100, random() / 10, "
                                + "-random() / 10, 10000 * (1 + f / 5), 26280 "
                                + "FROM generate_series(" + from + ", " + (from + STRATEGIES - 1) + ") s, "
                                + "LATERAL (SELECT (s % 9973) / 9973.0 - 0.5 + random() / 100 AS f) fit, "
                                + "generate_series(0, 1) k");
                sql(url, "SELECT summarize_generation('" + runId + "', " + g + ", '" + createdAt + "')");
            }
            sql(
                    url,
                    "WITH p AS (SELECT coalesce(sum(evaluated), 0) AS n FROM run_generations WHERE run_id = '"
                            + runId + "') UPDATE runs SET evaluated = p.n, generation = " + (GENERATIONS - 1)
                            + ", finished_at = created_at + interval '1 hour' FROM p WHERE run_id = '" + runId + "'");
            loaded.add(new StoredRun(runId, createdAt));
        }
        // a busy deployment's history: many more runs than those with metrics here (ended ones, as most are)
        sql(
                url,
                "INSERT INTO runs (run_id, config, seed, status, generations_planned, created_at, finished_at) "
                        + "SELECT 'past-run-' || i, '{}', i, 'succeeded', 10, timestamptz '2020-01-01' + i * interval '3 hours', "
                        + "timestamptz '2020-01-01' + i * interval '3 hours' + interval '1 hour' "
                        + "FROM generate_series(1, " + PAST_RUNS + ") i");
        return loaded;
    }

    private static long count(DatabaseUrl url, String table) throws SQLException {
        try (Connection c = PostgresJdbc.connect(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<StoredRun> storedRuns(DatabaseUrl url) throws SQLException {
        List<StoredRun> runs = new ArrayList<>();
        try (Connection c = PostgresJdbc.connect(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT run_id, created_at FROM runs WHERE run_id LIKE 'bench-run-%' ORDER BY run_id")) {
            while (rs.next()) {
                runs.add(new StoredRun(rs.getString(1), rs.getObject(2, OffsetDateTime.class)));
            }
        }
        return runs;
    }

    private static String sizes(DatabaseUrl url) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("market_data", "strategy_metrics", "strategies", "run_strategies")) {
            try (Connection c = PostgresJdbc.connect(url);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT count(*), pg_size_pretty(pg_total_relation_size('" + table + "')) FROM " + table)) {
                rs.next();
                out.append(out.isEmpty() ? "" : ", ")
                        .append(table)
                        .append(' ')
                        .append(Format.count(rs.getLong(1)))
                        .append(" rows (")
                        .append(rs.getString(2))
                        .append(')');
            }
        }
        return out.toString();
    }

    private static String symbol(int s) {
        return String.format("S%03d", s);
    }

    private static void sql(DatabaseUrl url, String statement) throws SQLException {
        try (Connection connection = PostgresJdbc.connect(url);
                Statement st = connection.createStatement()) {
            st.execute(statement);
        }
    }

    static void progress(String message) {
        System.err.println("bench-store: " + message);
    }

    private record StoredRun(String runId, OffsetDateTime createdAt) {}
}
