package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.stepfunctions.TaskFailedException;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load: eight runs at once against one database, as eight executions share one deployed stack: one set of function
 * processes (the template's reserved concurrency applies, as on Lambda), eight executions of the real state machine,
 * each with its own run id and its own two symbols. All complete; no run's rows carry another's symbols or
 * generations; and the functions' connections, sampled every 50 ms, never exceed what the template's reserved
 * concurrency promises (sam/template.yaml, "Neon connection arithmetic": 24 environments x pool 2 = 48).
 */
class ConcurrentRunsIT {

    private static final int RUNS = 8;
    private static final int GENERATIONS = 2;
    /** sam/template.yaml's sum: reserved concurrency of every database-facing function, times the pool size 2. */
    private static final int PROMISED_CONNECTIONS = 48;

    @TempDir
    Path state;

    @Test
    void eightRunsAtOnceCompleteKeepTheirRowsApartAndStayUnderTheConnectionCap() throws Exception {
        DatabaseUrl url = TestDatabase.newDatabase("phylo_load");
        FunctionHost[] fleet = new FunctionHost[1];
        AtomicInteger peak = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> sample(url, peak, sampling), "connection-sampler");
        sampler.start();
        ExecutorService runs = Executors.newFixedThreadPool(RUNS);
        List<ByteArrayOutputStream> outputs = new ArrayList<>();
        List<Future<LocalRun.RunOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < RUNS; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                outputs.add(out);
                PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
                RunOptions options = options(url, "load-" + i, List.of("L" + i + "A", "L" + i + "B"), i);
                outcomes.add(runs.submit(
                        () -> new LocalRun(options, print, print, context -> shared(fleet, context)).run()));
            }
            for (int i = 0; i < RUNS; i++) {
                LocalRun.RunOutcome outcome = outcomes.get(i).get(15, TimeUnit.MINUTES);
                assertThat(outcome.result().succeeded())
                        .as(
                                "run %d: %s %s\n%s",
                                i, outcome.result().error(), outcome.result().cause(), outputs.get(i))
                        .isTrue();
                JsonNode report = Leaderboard.read(outcome.runDir());
                assertThat(report.path("leaderboard").size()).isPositive();
            }
        } finally {
            runs.shutdownNow();
            sampling.set(false);
            sampler.join();
            synchronized (fleet) {
                if (fleet[0] != null) {
                    fleet[0].close();
                }
            }
        }
        for (int i = 0; i < RUNS; i++) {
            String run = "load-" + i;
            assertThat(strings(url, "SELECT DISTINCT symbol FROM strategy_metrics WHERE run_id = ? ORDER BY 1", run))
                    .containsExactly("L" + i + "A", "L" + i + "B");
            assertThat(strings(url, "SELECT generation::text FROM run_generations WHERE run_id = ? ORDER BY 1", run))
                    .containsExactly("0", "1");
            assertThat(strings(url, "SELECT status FROM runs WHERE run_id = ?", run))
                    .containsExactly("succeeded");
        }
        System.out.printf(
                "ConcurrentRunsIT: %d runs, peak %d function connections (promised at most %d)%n",
                RUNS, peak.get(), PROMISED_CONNECTIONS);
        assertThat(peak.get()).as("sampled at all").isPositive();
        assertThat(peak.get()).isLessThanOrEqualTo(PROMISED_CONNECTIONS);
    }

    /** One fleet for every run, as one stack serves every execution; closing a run's view leaves it running. */
    private static FunctionHost shared(FunctionHost[] fleet, LocalRun.LocalRunContext context) {
        synchronized (fleet) {
            if (fleet[0] == null) {
                fleet[0] = new LambdaFleet(context);
            }
            FunctionHost host = fleet[0];
            return new FunctionHost() {
                @Override
                public JsonNode invoke(String logicalId, JsonNode payload, Duration timeout)
                        throws TaskFailedException {
                    return host.invoke(logicalId, payload, timeout);
                }

                @Override
                public int count() {
                    return host.count();
                }

                @Override
                public void close() {}
            };
        }
    }

    /** The functions' connections (the reactive client's application name) to the test database, at their peak. */
    private static void sample(DatabaseUrl url, AtomicInteger peak, AtomicBoolean sampling) {
        try (Connection c = PostgresJdbc.connect(url);
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND application_name = 'vertx-pg-client'")) {
            while (sampling.get()) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    peak.accumulateAndGet(rs.getInt(1), Math::max);
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the connection sampler failed", e);
        }
    }

    private RunOptions options(DatabaseUrl url, String runId, List<String> symbols, int seed) {
        return new RunOptions(
                PhyloProcess.ROOT,
                state,
                symbols,
                "1h",
                null,
                null,
                2_000,
                List.of(),
                null,
                runId,
                16,
                GENERATIONS,
                8,
                100 + seed,
                2,
                "sharpe",
                0,
                1,
                1,
                url.toConnectionUri(),
                false,
                false,
                null,
                false);
    }

    private static List<String> strings(DatabaseUrl url, String sql, String runId) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = PostgresJdbc.connect(url);
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
