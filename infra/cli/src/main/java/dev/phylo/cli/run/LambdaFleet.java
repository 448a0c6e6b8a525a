package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.lambda.FunctionArtifact;
import dev.phylo.lambda.FunctionConfig;
import dev.phylo.lambda.InvocationResult;
import dev.phylo.lambda.LocalFunction;
import dev.phylo.lambda.LocalFunctions;
import dev.phylo.lambda.RicClasspath;
import dev.phylo.stepfunctions.TaskFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The template's functions as local processes: each packaged artifact (the native {@code bootstrap} when one was
 * built, else the JVM runner jar through AWS's Runtime Interface Client) polling its own Lambda Runtime API on
 * loopback. Evaluate gets one process per evaluator; every other function one (never more than its reserved
 * concurrency). All are started, in parallel, before the run, so start-up is paid once and shows as such. A function
 * with ReservedConcurrentExecutions in the template is throttled beyond it ({@code Lambda.TooManyRequestsException}),
 * as in AWS, and the state machine's Retry deals with that.
 */
final class LambdaFleet implements FunctionHost {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalFunctions functions;

    LambdaFleet(LocalRun.LocalRunContext context) {
        this(start(context));
    }

    /** Functions already started (tests run a fleet of their own functions through this host). */
    LambdaFleet(LocalFunctions functions) {
        this.functions = functions;
    }

    private static LocalFunctions start(LocalRun.LocalRunContext context) {
        RicClasspath ric = RicClasspath.detect();
        LocalFunctions functions = new LocalFunctions(
                context.logs(), ric, context.debug() ? line -> context.err().println(line) : line -> {});
        List<CompletableFuture<Void>> warming = new ArrayList<>();
        try {
            for (SamTemplate.Function f : context.template().functions().values()) {
                if (f.logicalId().equals("MigrateFunction") || f.logicalId().equals("RetentionFunction")) {
                    continue; // the runner migrates itself; retention is a schedule's job
                }
                if (context.ingestOnly() && !f.logicalId().equals("IngestFunction")) {
                    continue; // phylo ingest
                }
                Map<String, String> env = environment(f, context.environment());
                int wanted = f.logicalId().equals("EvaluateFunction") ? context.evaluateConcurrency() : 1;
                FunctionConfig config = config(f, artifact(f), env, wanted);
                LocalFunction function = functions.start(config);
                // never more processes than executions the reservation lets run at once (0: none to prewarm)
                int processes = Math.min(wanted, config.reservedConcurrency().orElse(wanted));
                warming.add(CompletableFuture.runAsync(() -> function.prewarm(processes)));
            }
            warming.forEach(CompletableFuture::join);
            return functions;
        } catch (RuntimeException e) {
            functions.close();
            throw e;
        }
    }

    /**
     * A function's environment here: the template's, with the run's values over it. The run's database settings
     * replace the template's only where the template gives the function some (the database-facing functions), so a
     * function the template keeps away from the database, evaluate, is kept away from it here too.
     */
    static Map<String, String> environment(SamTemplate.Function f, Map<String, String> run) {
        Map<String, String> env = new LinkedHashMap<>(f.environment());
        run.forEach((key, value) -> {
            if (!DATABASE_SETTINGS.contains(key) || f.environment().containsKey(key)) {
                env.put(key, value);
            }
        });
        return env;
    }

    /** The variables that name or configure the database (NeonSettings reads them). */
    static final Set<String> DATABASE_SETTINGS =
            Set.of("NEON_DATABASE_URL", "NEON_SECRET_ARN", "PHYLO_DB_REQUIRE_TIMESCALEDB");

    /**
     * How one template function runs here: the template's Handler, memory, timeout and ReservedConcurrentExecutions
     * (throttled beyond it, as in AWS), and {@code processes} local processes, never more than the reservation lets
     * run at once.
     */
    static FunctionConfig config(
            SamTemplate.Function f, FunctionArtifact artifact, Map<String, String> env, int processes) {
        FunctionConfig.Builder config = FunctionConfig.builder(f.logicalId(), artifact)
                // the template's Handler (a native bootstrap ignores it)
                .handler(handler(f))
                .memoryMb(f.memoryMb())
                .timeout(Duration.ofSeconds(f.timeoutSeconds()))
                .concurrency(
                        Math.max(1, Math.min(processes, f.reservedConcurrency().orElse(processes))))
                .environment(env)
                .region(LocalRun.REGION)
                .startupTimeout(Duration.ofSeconds(120));
        f.reservedConcurrency().ifPresent(config::reservedConcurrency);
        return config.build();
    }

    private static String handler(SamTemplate.Function f) {
        String handler = f.handler();
        if (handler == null || !handler.matches("[\\w.$]+::\\w+")) {
            throw new IllegalStateException(f.logicalId() + ": Handler '" + handler + "' is not class::method; the "
                    + "local runner needs a literal Handler (in the function or in Globals)");
        }
        return handler;
    }

    private static FunctionArtifact artifact(SamTemplate.Function f) {
        if (Files.isRegularFile(f.bootstrap())) {
            return FunctionArtifact.bootstrap(f.bootstrap());
        }
        if (!Files.isRegularFile(f.runnerJar())) {
            throw new IllegalStateException(f.logicalId() + ": " + f.runnerJar() + " is missing: build the functions "
                    + "first (scripts/phylo does: mvn -pl functions -amd package -DskipTests)");
        }
        return FunctionArtifact.runnerJar(f.runnerJar());
    }

    @Override
    public JsonNode invoke(String logicalId, JsonNode payload, Duration timeout) throws TaskFailedException {
        LocalFunction function = functions.get(logicalId);
        // Two clocks, as in AWS: the function's own Timeout ends the invocation (Sandbox.Timedout); a state that
        // waits less gives up first (States.Timeout) and leaves the function running to its own end.
        Duration lambdaTimeout = function.config().timeout();
        InvocationResult result = timeout.compareTo(lambdaTimeout) >= 0
                ? function.invoke(payload, lambdaTimeout)
                : invokeWithStateTimeout(function, payload, lambdaTimeout, timeout);
        if (result instanceof InvocationResult.Success) {
            try {
                return JSON.readTree(((InvocationResult.Success) result).payload());
            } catch (IOException e) {
                throw new TaskFailedException(
                        "Lambda.ServiceException", logicalId + " answered invalid JSON: " + e.getMessage());
            }
        }
        InvocationResult.Failure failure = (InvocationResult.Failure) result;
        throw new TaskFailedException(failure.errorType(), failure.errorMessage());
    }

    /** The invocation runs on; the state stops waiting for it after {@code stateTimeout}. */
    private static InvocationResult invokeWithStateTimeout(
            LocalFunction function, JsonNode payload, Duration lambdaTimeout, Duration stateTimeout)
            throws TaskFailedException {
        CompletableFuture<InvocationResult> running = new CompletableFuture<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        running.complete(function.invoke(payload, lambdaTimeout));
                    } catch (RuntimeException e) {
                        running.completeExceptionally(e);
                    }
                },
                function.name() + "-invocation");
        worker.setDaemon(true);
        worker.start();
        try {
            return running.get(stateTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TaskFailedException(
                    "States.Timeout",
                    "the state stopped waiting for " + function.name() + " after " + stateTimeout.toSeconds()
                            + " s (TimeoutSeconds); the function runs on up to its own " + lambdaTimeout.toSeconds()
                            + " s Timeout");
        } catch (InterruptedException e) {
            worker.interrupt(); // an aborted execution: as before, the local process is stopped
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for " + function.name());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** For the fault tests: kill a busy process of a function, as a crashed execution environment. */
    LocalFunction function(String logicalId) {
        return functions.get(logicalId);
    }

    @Override
    public int count() {
        return functions.names().size();
    }

    @Override
    public void close() {
        functions.close();
    }
}
