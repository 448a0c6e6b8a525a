package dev.phylo.bench.functions;

import dev.phylo.engine.metrics.Metrics;
import dev.phylo.postgres.EmbeddedDatabase;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.schema.Migrations;
import dev.phylo.store.Database;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.store.MetricsRepository;
import dev.phylo.store.MetricsRow;
import dev.phylo.store.RunRepository;
import dev.phylo.store.RunRow;
import dev.phylo.store.StrategyRepository;
import dev.phylo.store.StrategyRow;
import dev.phylo.store.UpsertCounts;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The persist step's database work, as {@code PersistService} does it in one transaction (new strategies, one metrics
 * row per strategy and symbol, the run's progress), on generations of {@value #STRATEGIES} strategies x
 * {@value #SYMBOLS} symbols of one run, against {@code psql \copy} of the same metrics rows into an identical empty
 * table, on one embedded PostgreSQL. Each measured generation is new (the run grows as a real one does); a replay of
 * it, which must change no row, is timed too.
 */
final class PersistBench implements AutoCloseable {

    static final int STRATEGIES = 50_000;
    static final int SYMBOLS = 2;
    private static final String PSQL = "/usr/bin/psql";
    private static final String RUN_ID = "bench-persist";

    record Result(int rows, Samples persist, Samples replay, Samples copy, List<Samples> parts) {

        double rowsPerSecond() {
            return rows / persist.medianSeconds();
        }

        double copyRowsPerSecond() {
            return rows / copy.medianSeconds();
        }
    }

    private final Path work;
    private final int measured;
    private final EmbeddedDatabase db;
    private final DatabaseUrl url;
    private final Vertx vertx;
    private final Pool pool;
    private final Database database;
    private final StrategyRepository strategies = new StrategyRepository();
    private final MetricsRepository metrics = new MetricsRepository();
    private final RunRepository runs = new RunRepository();
    private final Random random = new Random(42);
    private final RunRow run;

    PersistBench(Path work, int measured) throws SQLException {
        this.work = work;
        this.measured = measured;
        FunctionsBench.progress("persist: starting embedded PostgreSQL");
        this.db = EmbeddedDatabase.start(null);
        Migrations.migrate(db.url());
        this.url = db.url();
        this.vertx = Vertx.vertx();
        this.pool = BenchDatabases.pool(vertx, url, 2);
        this.database = new Database(pool, Duration.ofSeconds(300));
        this.run = database.await(
                "create bench run", c -> runs.createIfAbsent(c, RUN_ID, new JsonObject().put("bench", true), 1, 100));
        sql("CREATE TABLE strategy_metrics_copy (LIKE strategy_metrics INCLUDING ALL)");
    }

    Result run() throws Exception {
        int rows = STRATEGIES * SYMBOLS;
        Samples persist = new Samples("persist " + Format.count(rows) + " rows");
        Samples replay = new Samples("replay (no row changes)");
        Samples copy = new Samples("psql \\copy same rows");
        List<Samples> parts = List.of(
                new Samples("  of which strategies"),
                new Samples("  of which metrics"),
                new Samples("  of which summaries and progress"),
                new Samples("  of which commit"));
        for (int g = 0; g <= measured; g++) {
            String label = g == 0 ? "warm-up" : "generation " + g + "/" + measured;
            Generation generation = generation(g);
            sql("CHECKPOINT");
            long[] stages = new long[4];
            long p = persistOnce(generation, rows, false, stages);
            long r = persistOnce(generation, 0, true, new long[4]);
            long c = copyWithPsql(generation);
            FunctionsBench.progress(Format.f(
                    "persist %s: %.3f s (%s rows/s: strategies %.3f, metrics %.3f, summaries and progress %.3f, "
                            + "commit %.3f), replay %.3f s, psql \\copy %.3f s",
                    label,
                    p / 1e9,
                    Format.count(rows / (p / 1e9)),
                    stages[0] / 1e9,
                    stages[1] / 1e9,
                    stages[2] / 1e9,
                    stages[3] / 1e9,
                    r / 1e9,
                    c / 1e9));
            if (g > 0) {
                persist.add(p);
                replay.add(r);
                copy.add(c);
                for (int k = 0; k < stages.length; k++) {
                    parts.get(k).add(stages[k]);
                }
            }
        }
        return new Result(rows, persist, replay, copy, parts);
    }

    /** One persist transaction; {@code stages} gets the time spent on strategies, metrics, summaries and progress. */
    private long persistOnce(Generation generation, long expectedInserts, boolean replay, long[] stages) {
        long[] marks = new long[3];
        long start = System.nanoTime();
        UpsertCounts counts = database.await(
                "persist bench generation " + generation.number,
                c -> strategies
                        .upsert(c, generation.strategies)
                        .invoke(() -> marks[0] = System.nanoTime())
                        .flatMap(
                                added -> metrics.upsert(c, RUN_ID, generation.number, run.createdAt(), generation.rows))
                        .invoke(() -> marks[1] = System.nanoTime())
                        .flatMap(written -> runs.recordProgress(c, RUN_ID, generation.number, run.createdAt())
                                .invoke(() -> marks[2] = System.nanoTime())
                                .map(progress -> written)));
        long end = System.nanoTime();
        if (counts.inserted() != expectedInserts || counts.updated() != 0) {
            throw new IllegalStateException((replay ? "replay" : "persist") + " of generation " + generation.number
                    + " wrote " + counts + ", expected " + expectedInserts + " inserts and no update");
        }
        stages[0] = marks[0] - start;
        stages[1] = marks[1] - marks[0];
        stages[2] = marks[2] - marks[1];
        stages[3] = end - marks[2];
        return end - start;
    }

    /** New strategies with random metrics: ids like the codec's (32 hex digits), a spec of typical size. */
    private Generation generation(int number) {
        List<StrategyRow> specs = new ArrayList<>(STRATEGIES);
        List<MetricsRow> rows = new ArrayList<>(STRATEGIES * SYMBOLS);
        byte[] idBytes = new byte[16];
        for (int s = 0; s < STRATEGIES; s++) {
            random.nextBytes(idBytes);
            String id = HexFormat.of().formatHex(idBytes);
            specs.add(new StrategyRow(id, "sma-cross-" + s, spec(s)));
            double fitness = random.nextGaussian();
            for (int k = 0; k < SYMBOLS; k++) {
                rows.add(new MetricsRow(id, "SYM" + k, fitness, metrics()));
            }
        }
        return new Generation(number, specs, rows);
    }

    private String spec(int s) {
        return String.format(
                Locale.ROOT,
                "{\"name\":\"sma-cross-%d\",\"entry\":\"crossAbove(sma(close,%d),sma(close,%d))\","
                        + "\"exit\":\"crossBelow(sma(close,%d),sma(close,%d))\",\"stopLoss\":%.3f,"
                        + "\"takeProfit\":%.3f,\"size\":0.5,\"side\":\"long\"}",
                s,
                5 + random.nextInt(20),
                20 + random.nextInt(100),
                5 + random.nextInt(20),
                20 + random.nextInt(100),
                random.nextDouble() * 0.1,
                random.nextDouble() * 0.2);
    }

    private Metrics metrics() {
        int trades = random.nextInt(200);
        return new Metrics(
                random.nextGaussian(),
                random.nextGaussian() * 0.2,
                random.nextGaussian(),
                random.nextGaussian(),
                -random.nextDouble(),
                random.nextGaussian(),
                trades,
                trades == 0 ? null : random.nextDouble(),
                trades == 0 ? null : random.nextDouble() * 3,
                random.nextDouble(),
                trades == 0 ? null : random.nextGaussian() * 0.01,
                trades == 0 ? null : random.nextDouble() * 0.1,
                trades == 0 ? null : -random.nextDouble() * 0.1,
                10_000 * (1 + random.nextGaussian() * 0.1),
                26_280);
    }

    /** The same rows in strategy_metrics' column order, written as CSV and loaded by psql into an empty copy. */
    private long copyWithPsql(Generation generation) throws Exception {
        Path csv = work.resolve("strategy_metrics_copy.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (MetricsRow r : generation.rows) {
                Metrics m = r.metrics();
                out.write(String.join(
                        ",",
                        run.createdAt().toString(),
                        RUN_ID,
                        Integer.toString(generation.number),
                        r.strategyId(),
                        r.symbol(),
                        Double.toString(r.fitness()),
                        numeric(m.sharpe()),
                        numeric(m.totalReturn()),
                        numeric(m.maxDrawdown()),
                        Integer.toString(m.tradeCount()),
                        numeric(m.winRate()),
                        numeric(m.profitFactor()),
                        Double.toString(m.cagr()),
                        text(m.sortino()),
                        text(m.calmar()),
                        Double.toString(m.exposure()),
                        text(m.avgTrade()),
                        text(m.bestTrade()),
                        text(m.worstTrade()),
                        Double.toString(m.finalEquity()),
                        Integer.toString(m.bars())));
                out.write('\n');
            }
        }
        sql("TRUNCATE strategy_metrics_copy; CHECKPOINT");
        String conninfo =
                "host=" + url.host() + " port=" + url.port() + " dbname=" + url.database() + " user=" + url.user();
        String columns = "(\"timestamp\", run_id, generation, strategy_id, symbol, fitness, sharpe_ratio, total_return,"
                + " max_drawdown, trade_count, win_rate, profit_factor, cagr, sortino, calmar, exposure, avg_trade,"
                + " best_trade, worst_trade, final_equity, bars)";
        ProcessBuilder builder = new ProcessBuilder(
                        PSQL,
                        "-X",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        conninfo,
                        "-c",
                        "\\copy strategy_metrics_copy " + columns + " FROM '" + csv.toAbsolutePath()
                                + "' WITH (FORMAT csv)")
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", url.password());
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("psql \\copy failed: " + new String(output, StandardCharsets.UTF_8));
        }
        long elapsed = System.nanoTime() - start;
        try (Connection connection = PostgresJdbc.connect(url);
                Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM strategy_metrics_copy")) {
            rs.next();
            if (rs.getLong(1) != generation.rows.size()) {
                throw new IllegalStateException(
                        "COPY loaded " + rs.getLong(1) + " rows, expected " + generation.rows.size());
            }
        }
        return elapsed;
    }

    private static String numeric(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", Math.max(-999_999.9999, Math.min(999_999.9999, v)));
    }

    private static String text(Double v) {
        return v == null ? "" : Double.toString(v);
    }

    private void sql(String statements) throws SQLException {
        BenchDatabases.sql(url, statements);
    }

    @Override
    public void close() throws IOException {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        db.close();
    }

    private record Generation(int number, List<StrategyRow> strategies, List<MetricsRow> rows) {}
}
