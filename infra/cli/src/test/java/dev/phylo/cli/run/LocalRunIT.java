package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.stepfunctions.TaskFailedException;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on one machine: the packaged function artifacts (built by `mvn verify` before this runs) as
 * Lambda processes through the Runtime Interface Client, the real state machine file, a real PostgreSQL, a local
 * EFS folder. Small configuration: 2 symbols x 3,000 hourly bars, 24 strategies, 3 generations.
 */
class LocalRunIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static DatabaseUrl url;

    @TempDir
    Path state;

    /** A database of its own on the test server: embedded, or the one PHYLO_TEST_DATABASE_URL names. */
    @BeforeAll
    static void createDatabase() {
        url = TestDatabase.newDatabase("phylo_it");
    }

    private RunOptions options(String runId) {
        return new RunOptions(
                ROOT,
                state,
                List.of("ITA", "ITB"),
                "1h",
                null,
                null,
                3_000,
                List.of(),
                null,
                runId,
                24,
                3,
                8,
                7,
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

    private LocalRun.RunOutcome run(String runId, java.util.function.UnaryOperator<FunctionHost> wrap)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        LocalRun.RunOutcome outcome =
                new LocalRun(options(runId), print, print, context -> wrap.apply(new LambdaFleet(context))).run();
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return outcome;
    }

    @Test
    void evolvesToALeaderboardAndAReportAndASecondRunWithTheSameSeedAgrees() throws Exception {
        LocalRun.RunOutcome first = run("it-first", host -> host);
        LocalRun.RunOutcome second = run("it-second", host -> host);

        assertThat(first.result().succeeded())
                .as("%s %s", first.result().error(), first.result().cause())
                .isTrue();
        assertThat(first.runDir().resolve("report.html")).exists();
        JsonNode report = Leaderboard.read(first.runDir());
        assertThat(report.path("leaderboard").size()).isPositive();
        assertThat(status("it-first")).isEqualTo("succeeded");
        assertThat(Files.readString(first.history())).contains("\"ExecutionSucceeded\"");
        // the same seed and data: the same leaderboard, number for number (run ids differ)
        assertThat(second.result().succeeded()).isTrue();
        assertThat(Leaderboard.read(second.runDir()).path("leaderboard")).isEqualTo(report.path("leaderboard"));
        functionLogsAreJsonWithRequestIdsAndValidEmf(state.resolve("logs").resolve("it-first"));
    }

    /**
     * What CloudWatch would receive from the packaged functions: every line a function prints is a JSON object, either
     * a log record whose own lines (dev.phylo.*) carry the invocation's request id, one per invocation, or an EMF
     * record CloudWatch can turn into metrics (the shape EmfTest checks, here on the real output).
     */
    private static void functionLogsAreJsonWithRequestIdsAndValidEmf(Path logs) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, List<String>> requestIds = new java.util.TreeMap<>();
        java.util.Set<String> metrics = new java.util.TreeSet<>();
        int records = 0;
        try (var files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                String function = file.getFileName().toString().replace(".log", "");
                for (String tagged : Files.readAllLines(file)) {
                    String line = tagged.substring(tagged.indexOf("] ") + 2);
                    if (line.startsWith("[phylo] ")) {
                        continue; // the local runtime's own lines (start, ready, exit)
                    }
                    JsonNode node = json.readTree(line);
                    assertThat(node.isObject())
                            .as("%s: %s", file.getFileName(), line)
                            .isTrue();
                    if (node.has("_aws")) {
                        JsonNode directive =
                                node.path("_aws").path("CloudWatchMetrics").path(0);
                        assertThat(node.path("_aws").path("Timestamp").isIntegralNumber())
                                .as(line)
                                .isTrue();
                        assertThat(directive.path("Namespace").asText())
                                .as(line)
                                .isEqualTo("Phylo");
                        assertThat(node.path("FunctionName").asText()).as(line).isEqualTo(function);
                        for (JsonNode m : directive.path("Metrics")) {
                            assertThat(node.path(m.path("Name").asText()).isNumber())
                                    .as(line)
                                    .isTrue();
                            metrics.add(m.path("Name").asText());
                        }
                        continue;
                    }
                    records++;
                    assertThat(node.path("level").asText()).as(line).isNotBlank();
                    // a Lambda function never listens on a port (health's SmallRye Health brings the HTTP server)
                    assertThat(node.path("message").asText())
                            .as("%s: %s", file.getFileName(), line)
                            .doesNotContain("Listening on: http");
                    assertThat(node.path("timestamp").asText()).as(line).isNotBlank();
                    if (node.path("loggerName").asText().startsWith("dev.phylo.")) {
                        String id = node.path("mdc").path("AWSRequestId").asText();
                        assertThat(id).as("request id of %s", line).matches("[0-9a-f-]{36}");
                        requestIds
                                .computeIfAbsent(function, f -> new ArrayList<>())
                                .add(id);
                    }
                }
            }
        }
        assertThat(records).isPositive();
        assertThat(requestIds)
                .containsKeys(
                        "IngestFunction",
                        "SeedFunction",
                        "EvaluateFunction",
                        "PersistFunction",
                        "BreedFunction",
                        "ValidateFunction",
                        "ReportFunction");
        List<String> all = requestIds.values().stream().flatMap(List::stream).toList();
        // the evaluate, ingest, persist, breed, seed, validate and report services each log one line per invocation
        assertThat(all).as("one request id per invocation").doesNotHaveDuplicates();
        assertThat(metrics)
                .contains(
                        "RowsIngested",
                        "RowsRejected",
                        "StrategiesEvaluated",
                        "StrategyBarsPerSecond",
                        "SnapshotLoadMs",
                        "DatabaseLatencyMs");
    }

    @Test
    void aKilledEvaluatorIsRetriedAndTheRunEndsWithTheSameLeaderboard() throws Exception {
        LocalRun.RunOutcome undisturbed = run("it-calm", host -> host);
        AtomicInteger kills = new AtomicInteger();

        LocalRun.RunOutcome killed = run("it-killed", host -> new KillingHost((LambdaFleet) host, kills));

        assertThat(kills.get()).as("an evaluate process was killed mid-batch").isPositive();
        assertThat(killed.result().succeeded())
                .as("%s %s", killed.result().error(), killed.result().cause())
                .isTrue();
        // the killed invocation failed as Lambda reports a crashed environment, and the Retry ran it again
        assertThat(KillingHost.errors).contains("Runtime.ExitError");
        assertThat(Leaderboard.read(killed.runDir()).path("leaderboard"))
                .isEqualTo(Leaderboard.read(undisturbed.runDir()).path("leaderboard"));
    }

    @Test
    void aTaskThatFailsForGoodMarksTheRunFailedWithAReadableError() throws Exception {
        LocalRun.RunOutcome outcome = run("it-failed", host -> new FailingPersistHost(host));

        assertThat(outcome.result().succeeded()).isFalse();
        assertThat(outcome.result().error()).isEqualTo("dev.phylo.it.DiskOnFire");
        assertThat(status("it-failed")).isEqualTo("failed");
        assertThat(error("it-failed")).contains("DiskOnFire").contains("persist refused on purpose");
    }

    @Test
    void anExecutionThatEndsWithoutACatchStillMarksTheRunFailedInTheDatabaseAndInPhyloRuns() throws Exception {
        LocalRun.RunOutcome outcome = run("it-too-big", host -> new OversizedPersistHost(host));

        // States.ALL does not catch States.DataLimitExceeded: no "Mark run failed" state ran, the runner marked it
        assertThat(outcome.result().error()).isEqualTo("States.DataLimitExceeded");
        assertThat(status("it-too-big")).isEqualTo("failed");
        assertThat(error("it-too-big")).startsWith("Execution FAILED: States.DataLimitExceeded");
        assertThat(phyloRuns()).anyMatch(line -> line.startsWith("it-too-big") && line.contains("failed"));
    }

    @Test
    void ctrlCAbortsTheExecutionAndLeavesTheRunCancelledInTheDatabaseAndInPhyloRuns() throws Exception {
        java.util.concurrent.atomic.AtomicReference<LocalRun> running =
                new java.util.concurrent.atomic.AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        LocalRun run = new LocalRun(options("it-stopped"), print, print, context -> {
            LambdaFleet fleet = new LambdaFleet(context);
            return new FunctionHost() {
                @Override
                public JsonNode invoke(String logicalId, JsonNode payload, Duration timeout)
                        throws TaskFailedException {
                    // the user presses Ctrl-C while generation 1 is being evaluated
                    if (logicalId.equals("EvaluateFunction")
                            && payload.path("generation").asInt() >= 1
                            && stopped.compareAndSet(false, true)) {
                        new Thread(() -> running.get().stop()).start();
                    }
                    return fleet.invoke(logicalId, payload, timeout);
                }

                @Override
                public int count() {
                    return fleet.count();
                }

                @Override
                public void close() {
                    fleet.close();
                }
            };
        });
        running.set(run);
        LocalRun.RunOutcome outcome = run.run();
        System.out.print(out.toString(StandardCharsets.UTF_8));

        assertThat(stopped).isTrue();
        assertThat(outcome.result().status()).isEqualTo(dev.phylo.stepfunctions.ExecutionStatus.ABORTED);
        assertThat(Files.readString(outcome.history())).contains("\"ExecutionAborted\"");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("interrupted: stopping run it-stopped");
        // the runner's own end-of-execution marking (the EventBridge rule's job) must not turn cancelled into failed
        assertThat(status("it-stopped")).isEqualTo("cancelled");
        assertThat(error("it-stopped")).isEqualTo("cancelled by the user");
        assertThat(phyloRuns()).anyMatch(line -> line.startsWith("it-stopped") && line.contains("cancelled"));
    }

    /** What {@code phylo runs} prints, line by line. */
    private static List<String> phyloRuns() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // the URL carries a password: from a file, as a user passes it (never on the command line)
            Path urlFile = Files.writeString(Files.createTempFile("phylo-database-url", ""), url.toConnectionUri());
            urlFile.toFile().deleteOnExit();
            new picocli.CommandLine(new RunsCommand())
                    .execute("--database-url-file", urlFile.toString(), "--root", ROOT.toString());
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void anUnreachableDatabaseFailsCheckHealthFastWithAClearMessage() throws Exception {
        SamTemplate template = SamTemplates.read(ROOT.resolve("sam/template.yaml"));
        java.util.Map<String, String> env = java.util.Map.of(
                "NEON_DATABASE_URL",
                "postgresql://postgres:secret@localhost:1/phylo?sslmode=disable",
                "NEON_SECRET_ARN",
                "",
                "PHYLO_EFS_ROOT",
                Files.createDirectories(state.resolve("efs")).toString());
        java.util.Map<String, String> arns = new java.util.LinkedHashMap<>();
        template.substitutions().forEach((name, function) -> arns.put(name, LocalRun.arn(function)));
        long start = System.nanoTime();
        try (LambdaFleet fleet = new LambdaFleet(new LocalRun.LocalRunContext(
                template, env, Files.createDirectories(state.resolve("logs")), 1, false, System.err, false))) {
            var machine = dev.phylo.stepfunctions.StateMachine.parse(Files.readString(template.definition()), arns);
            var input = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree("{\"runId\": \"it-no-db\", \"symbols\": [\"ITA\"]}");
            var result = machine.start(
                            "it-no-db",
                            input,
                            (arn, payload, timeout) -> fleet.invoke(LocalRun.functionOf(arn), payload, timeout),
                            new dev.phylo.stepfunctions.ExecutionListener() {},
                            dev.phylo.stepfunctions.ExecutionOptions.defaults())
                    .await();
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(result.succeeded()).isFalse();
            assertThat(result.cause()).contains("Phylo is not ready").doesNotContain("secret");
            System.out.printf(
                    "unreachable database: failed after %.1f s (including function start-up): %s%n",
                    seconds, result.cause());
            assertThat(seconds).isLessThan(90);
        }
    }

    private static String status(String runId) throws Exception {
        return column(runId, "status");
    }

    private static String error(String runId) throws Exception {
        return column(runId, "error");
    }

    private static String column(String runId, String column) throws Exception {
        try (Connection c = PostgresJdbc.connect(url);
                PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("run %s exists", runId).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** Kills an evaluate process while it works on a batch of generation 1 or later (once in the run). */
    private static final class KillingHost implements FunctionHost {
        private final LambdaFleet fleet;
        private final AtomicInteger kills;
        private final AtomicBoolean armed = new AtomicBoolean(true);
        static final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

        KillingHost(LambdaFleet fleet, AtomicInteger kills) {
            this.fleet = fleet;
            this.kills = kills;
        }

        @Override
        public JsonNode invoke(String logicalId, JsonNode payload, Duration timeout) throws TaskFailedException {
            // one kill in the whole run: a killer watches each generation >= 1 invocation until one lands
            if (logicalId.equals("EvaluateFunction")
                    && payload.path("generation").asInt() >= 1
                    && kills.get() == 0
                    && armed.compareAndSet(true, false)) {
                Thread killer = new Thread(() -> {
                    long deadline = System.nanoTime() + 2_000_000_000L;
                    while (System.nanoTime() < deadline) {
                        OptionalLong pid = fleet.function("EvaluateFunction").killBusyProcess();
                        if (pid.isPresent()) {
                            kills.incrementAndGet();
                            return;
                        }
                        Thread.onSpinWait();
                    }
                    armed.set(true);
                });
                killer.start();
            }
            try {
                return fleet.invoke(logicalId, payload, timeout);
            } catch (TaskFailedException e) {
                errors.add(e.error());
                throw e;
            }
        }

        @Override
        public int count() {
            return fleet.count();
        }

        @Override
        public void close() {
            fleet.close();
        }
    }

    /** Persist answers with more than the 256 KiB a state may carry: States.DataLimitExceeded, which no Catch takes. */
    private static final class OversizedPersistHost implements FunctionHost {
        private final FunctionHost host;

        OversizedPersistHost(FunctionHost host) {
            this.host = host;
        }

        @Override
        public JsonNode invoke(String logicalId, JsonNode payload, Duration timeout) throws TaskFailedException {
            JsonNode result = host.invoke(logicalId, payload, timeout);
            if (logicalId.equals("PersistFunction")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) result).put("padding", "x".repeat(300_000));
            }
            return result;
        }

        @Override
        public int count() {
            return host.count();
        }

        @Override
        public void close() {
            host.close();
        }
    }

    /** Persist fails for good (an error no Retry covers), as a broken database write would. */
    private static final class FailingPersistHost implements FunctionHost {
        private final FunctionHost host;

        FailingPersistHost(FunctionHost host) {
            this.host = host;
        }

        @Override
        public JsonNode invoke(String logicalId, JsonNode payload, Duration timeout) throws TaskFailedException {
            if (logicalId.equals("PersistFunction")) {
                throw new TaskFailedException("dev.phylo.it.DiskOnFire", "persist refused on purpose");
            }
            return host.invoke(logicalId, payload, timeout);
        }

        @Override
        public int count() {
            return host.count();
        }

        @Override
        public void close() {
            host.close();
        }
    }
}
