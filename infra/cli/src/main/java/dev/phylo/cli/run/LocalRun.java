package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.stepfunctions.Execution;
import dev.phylo.stepfunctions.ExecutionListener;
import dev.phylo.stepfunctions.ExecutionOptions;
import dev.phylo.stepfunctions.ExecutionResult;
import dev.phylo.stepfunctions.ObjectStore;
import dev.phylo.stepfunctions.PayloadSize;
import dev.phylo.stepfunctions.StateMachine;
import dev.phylo.stepfunctions.TaskFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code phylo run}: the whole pipeline on one machine with the real artifacts. Opens the database (embedded unless
 * a URL is given), starts every function of {@code sam/template.yaml} as a process polling a local Lambda Runtime
 * API, ingests the data through the ingest function, then executes the state machine file with the template's
 * substitutions, following progress from the database.
 */
final class LocalRun {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";
    /** The work bucket's name in the local stand-in for S3 ({@code .phylo/s3/<bucket>/}). */
    static final String WORK_BUCKET = "phylo-work";
    /** The template's function that records a failed run. */
    static final String MARK_RUN_FAILED = "MarkRunFailedFunction";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunOptions options; // a resumed run's come from its stored configuration
    private final PrintStream out;
    private final PrintStream err;
    private final Function<LocalRunContext, FunctionHost> hosts;
    private volatile Execution execution;
    private volatile boolean finished;
    private volatile Runnable stop = () -> {};

    LocalRun(RunOptions options, PrintStream out, PrintStream err, Function<LocalRunContext, FunctionHost> hosts) {
        this.options = options;
        this.out = options.json() ? err : out; // with --json, stdout carries only the JSON result
        this.err = err;
        this.hosts = hosts;
    }

    /** What the function host needs to start the functions. */
    record LocalRunContext(
            SamTemplate template,
            Map<String, String> environment,
            Path logs,
            int evaluateConcurrency,
            boolean debug,
            PrintStream err,
            boolean ingestOnly) {}

    /** What every local function gets: the database, no secret (the URL says it all), the EFS folder, a region. */
    private static Map<String, String> environment(LocalDatabase db, Path efs) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NEON_DATABASE_URL", db.neonUrl());
        env.put("NEON_SECRET_ARN", "");
        env.put("PHYLO_DB_POOLER", db.poolerSetting());
        env.put("PHYLO_EFS_ROOT", efs.toString());
        env.put("AWS_REGION", REGION);
        return env;
    }

    /** Where the runner of each local run leaves its lease ({@link RunLease}). */
    static Path leases(Path stateDir) {
        return stateDir.resolve("leases");
    }

    /** The files ingested for this run, one per symbol: the run is limited to their range. */
    private final List<Path> ingested = new ArrayList<>();

    RunOutcome run() throws IOException, SQLException, InterruptedException {
        String runId = options.runId() != null
                ? options.runId()
                : "run-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "-s" + options.seed();
        return execute(runId, false);
    }

    /**
     * {@code phylo run --resume}: continues run {@code runId}, interrupted, failed or cancelled, from its last persisted
     * generation in a new execution, with the configuration stored with the run (see {@link ResumedRun}).
     */
    RunOutcome resume(String runId) throws IOException, SQLException, InterruptedException {
        return execute(runId, true);
    }

    private RunOutcome execute(String runId, boolean resuming) throws IOException, SQLException, InterruptedException {
        Path phylo = options.stateDir();
        Path efs = Files.createDirectories(phylo.resolve("efs")).toAbsolutePath();
        Path s3 = Files.createDirectories(phylo.resolve("s3")).toAbsolutePath();
        long t0 = System.nanoTime();
        SamTemplate template = SamTemplates.read(options.root().resolve("sam/template.yaml"));
        if (!resuming) {
            out.println(RunInput.header(options, "run", runId));
        }
        try (LocalDatabase db = LocalDatabase.open(options.databaseUrl(), phylo.resolve("pg"))) {
            out.printf("database  %s (schema %s)%n", db, db.migration().currentVersion());
            out.printf(
                    "storage   %s: %s%n",
                    db.migration().storage().mode(), db.migration().storage().reason());
            if (resuming) {
                options = ResumedRun.options(db, runId, options, leases(phylo));
                out.println(RunInput.header(options, "resume", runId));
            }
            Map<String, String> env = environment(db, efs);
            // S3 is a local folder: seed writes the batch list there, the state machine's ItemReader reads it
            env.put("PHYLO_WORK_BUCKET", WORK_BUCKET);
            env.put("PHYLO_WORK_LOCAL_ROOT", s3.toString());
            Path logs = Files.createDirectories(phylo.resolve("logs").resolve(runId));
            int evaluators = Math.max(
                    1, Math.min(options.maxConcurrency(), Runtime.getRuntime().availableProcessors()));
            try (FunctionHost functions =
                    hosts.apply(new LocalRunContext(template, env, logs, evaluators, options.debug(), err, false))) {
                long started = System.nanoTime();
                out.printf(
                        "functions %d started from %s (logs in %s) in %.1f s%n",
                        functions.count(),
                        options.root()
                                .relativize(template.file().toAbsolutePath().normalize()),
                        logs,
                        (started - t0) / 1e9);
                if (!resuming) {
                    ingest(functions, phylo); // a resumed run's data is in the store and on EFS already
                }
                long ingested = System.nanoTime();
                RunOutcome outcome;
                try (RunLease lease = RunLease.take(leases(phylo), runId)) {
                    outcome = evolve(functions, template, db, runId, efs, s3, resuming);
                }
                long done = System.nanoTime();
                return outcome.withTimes(new Timings(
                        (started - t0) / 1e9,
                        (ingested - started) / 1e9,
                        (done - ingested) / 1e9,
                        outcome.stateSeconds()));
            }
        }
    }

    /**
     * {@code phylo ingest}: loads the data files into the store (and their snapshots onto the local EFS) through the
     * ingest function alone, and runs nothing.
     */
    void ingestOnly() throws IOException, SQLException, InterruptedException {
        Path phylo = options.stateDir();
        Path efs = Files.createDirectories(phylo.resolve("efs")).toAbsolutePath();
        SamTemplate template = SamTemplates.read(options.root().resolve("sam/template.yaml"));
        try (LocalDatabase db = LocalDatabase.open(options.databaseUrl(), phylo.resolve("pg"))) {
            out.printf("database  %s (schema %s)%n", db, db.migration().currentVersion());
            Map<String, String> env = environment(db, efs);
            Path logs = Files.createDirectories(phylo.resolve("logs").resolve("ingest"));
            try (FunctionHost functions =
                    hosts.apply(new LocalRunContext(template, env, logs, 1, options.debug(), err, true))) {
                ingest(functions, phylo);
            }
        }
    }

    private void ingest(FunctionHost functions, Path phylo) throws IOException, InterruptedException {
        BarInterval interval = BarInterval.parse(options.interval());
        for (int i = 0; i < options.symbols().size(); i++) {
            String symbol = options.symbols().get(i);
            Path file = !options.data().isEmpty()
                    ? options.data().get(i).toAbsolutePath()
                    : SyntheticData.csv(phylo.resolve("data"), symbol, interval, options.bars(), options.seed(), i);
            ingested.add(file);
            ObjectNode request = JSON.createObjectNode()
                    .put("uri", file.toString())
                    .put("symbol", symbol)
                    .put("interval", interval.toString());
            if (options.columns() != null) {
                request.put("columns", options.columns());
            }
            JsonNode result;
            try {
                // throttled when runs share the functions: retried, as Lambda retries the S3 trigger's invocations
                result = functions.invokeRetryingThrottles("IngestFunction", request, Duration.ofMinutes(5));
            } catch (TaskFailedException e) {
                throw new IllegalStateException("ingest of " + file + " failed: " + e.getMessage(), e);
            }
            JsonNode f = result.path("files").path(0);
            if (f.path("status").asText().equals("duplicate")) {
                out.printf(
                        "ingest    %s %s: already ingested (%s), snapshot %s%n",
                        symbol,
                        interval,
                        file.getFileName(),
                        f.path("snapshotId").asText());
                continue;
            }
            out.printf(
                    "ingest    %s %s: %s, %,d new, %,d updated, %,d unchanged, snapshot %s%n",
                    symbol,
                    interval,
                    f.path("status").asText(),
                    f.path("rowsInserted").asLong(),
                    f.path("rowsUpdated").asLong(),
                    f.path("rowsUnchanged").asLong(),
                    f.path("snapshotId").asText());
        }
    }

    private RunOutcome evolve(
            FunctionHost functions,
            SamTemplate template,
            LocalDatabase db,
            String runId,
            Path efs,
            Path s3,
            boolean resuming)
            throws IOException, SQLException, InterruptedException {
        Map<String, String> arns = new LinkedHashMap<>();
        template.substitutions().forEach((name, function) -> arns.put(name, arn(function)));
        StateMachine machine = StateMachine.parse(Files.readString(template.definition()), arns);
        ObjectNode input = resuming ? RunInput.resume(runId) : RunInput.of(options, runId, ingested, out);
        // AWS's limits are on (payloads, EXPRESS duration, history); S3 is the local folder seed writes to
        ExecutionOptions executionOptions = ExecutionOptions.defaults()
                .withMaxParallelism(options.maxConcurrency())
                .withObjectStore(ObjectStore.directory(s3));
        // Ctrl-C / SIGTERM: a signal handler, not a shutdown hook, so the run is marked cancelled while the
        // database (whose own shutdown hook stops it) is still up; then the JVM exits and the hooks stop the rest.
        stop = () -> cancel(db, runId);
        Map<String, sun.misc.SignalHandler> previous = new LinkedHashMap<>();
        for (String signal : new String[] {"INT", "TERM"}) {
            previous.put(signal, sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> {
                stop();
                System.exit(130);
            }));
        }
        try (Connection monitorConnection = db.connect()) {
            Progress monitor = options.walkForward() == null
                    ? new RunMonitor(monitorConnection, runId, options.generations(), out, System::nanoTime)
                    : new WalkForwardMonitor(
                            monitorConnection,
                            runId,
                            options.walkForward(),
                            options.generations(),
                            out,
                            System::nanoTime);
            // a resumed run is a new execution of the same run ("continue as new"): a name of its own
            String executionName =
                    resuming ? runId + "-r" + Long.toString(System.currentTimeMillis() / 1000, 36) : runId;
            if (resuming && monitor instanceof RunMonitor resumed) {
                resumed.skipPersisted();
            }
            execution = machine.start(
                    executionName,
                    input,
                    (arn, payload, timeout) -> functions.invoke(functionOf(arn), payload, timeout),
                    new ExecutionListener() {},
                    executionOptions);
            CompletableFuture<ExecutionResult> result = CompletableFuture.supplyAsync(execution::await);
            ExecutionResult ended = null;
            while (ended == null) {
                try {
                    ended = result.get(250, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    monitor.poll();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the state machine runner failed: " + e.getCause(), e.getCause());
                }
            }
            monitor.poll();
            finished = true;
            if (!ended.succeeded()) {
                recordEnd(functions, runId, ended, input);
            }
            Path history = efs.resolve("runs")
                    .resolve(runId)
                    .resolve(resuming ? "history-" + executionName + ".json" : "history.json");
            Files.createDirectories(history.getParent());
            Files.writeString(history, execution.historyJson());
            Map<String, Double> seconds = new LinkedHashMap<>();
            StateTimes.of(execution.history()).forEach((k, v) -> seconds.put(k, v.toMillis() / 1e3));
            return new RunOutcome(
                    runId,
                    ended,
                    history,
                    efs.resolve("runs").resolve(runId),
                    monitor.evaluatedStrategies(),
                    seconds,
                    execution.largestPayload(),
                    null);
        } finally {
            finished = true;
            previous.forEach((signal, handler) -> sun.misc.Signal.handle(new sun.misc.Signal(signal), handler));
        }
    }

    /**
     * What the EventBridge rule on the execution's status does in the cloud: an execution that ended FAILED, TIMED_OUT
     * or ABORTED marks its run failed through the fail function (a no-op when a Catch already did), since some ends run
     * no Catch (States.DataLimitExceeded, States.Runtime, a timed-out or aborted execution).
     */
    private void recordEnd(FunctionHost functions, String runId, ExecutionResult ended, JsonNode input) {
        ObjectNode event = JSON.createObjectNode()
                .put("runId", runId)
                .put("error", "Execution " + ended.status())
                .put(
                        "cause",
                        ended.error() == null
                                ? ended.cause()
                                : ended.error() + (ended.cause() == null ? "" : ": " + ended.cause()))
                .put("executionInput", input.toString());
        try {
            functions.invoke(MARK_RUN_FAILED, event, Duration.ofSeconds(60));
        } catch (TaskFailedException e) {
            err.println("phylo: could not mark run " + runId + " failed: " + e.getMessage());
        }
    }

    /**
     * What Ctrl-C does before the JVM exits: aborts the execution in flight and marks its run cancelled. Does nothing
     * before the execution starts or after it ended.
     */
    void stop() {
        stop.run();
    }

    /** Ctrl-C: stop the execution and mark the run cancelled; the function processes stop with the JVM. */
    private void cancel(LocalDatabase db, String runId) {
        if (finished || execution == null) {
            return;
        }
        err.println();
        err.println("phylo: interrupted: stopping run " + runId);
        execution.abort("cancelled by the user (Ctrl-C)");
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE runs SET status = 'cancelled', error = 'cancelled by the user', finished_at = now(), "
                                + "updated_at = now() WHERE (run_id = ? OR run_id ~ ?) AND status = 'running'")) {
            ps.setString(1, runId);
            ps.setString(2, "^" + runId + "-f[0-9]+$"); // a walk-forward run's folds stop with it
            ps.executeUpdate();
        } catch (SQLException e) {
            err.println("phylo: could not mark run " + runId + " cancelled: " + e.getMessage());
        }
    }

    static String arn(String function) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + function;
    }

    static String functionOf(String arn) {
        int i = arn.lastIndexOf(":function:");
        return i < 0 ? arn : arn.substring(i + ":function:".length());
    }

    /** Where the time went: start-up, ingest, the state machine, and per state. */
    record Timings(
            double startupSeconds, double ingestSeconds, double evolutionSeconds, Map<String, Double> stateSeconds) {}

    record RunOutcome(
            String runId,
            ExecutionResult result,
            Path history,
            Path runDir,
            long strategiesEvaluated,
            Map<String, Double> stateSeconds,
            PayloadSize largestPayload,
            Timings timings) {
        RunOutcome withTimes(Timings t) {
            return new RunOutcome(runId, result, history, runDir, strategiesEvaluated, stateSeconds, largestPayload, t);
        }
    }
}
