package dev.phylo.lambda;

import dev.phylo.lambda.internal.ExitStatus;
import dev.phylo.lambda.internal.GracefulStop;
import dev.phylo.lambda.internal.PeakMemory;
import dev.phylo.lambda.internal.ProcessLauncher;
import dev.phylo.lambda.internal.ProcessSupervisor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment: a child process running a function artifact against its own {@link RuntimeApiServer}.
 *
 * <h2>JVM artifacts</h2>
 * Run the way the Lambda Java runtime runs them, through AWS's Runtime Interface Client:
 * <pre>
 * java -Xmx&lt;80% of MemorySize&gt;m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 [jvmOptions]
 *      -cp &lt;RIC jars&gt;:&lt;function classpath&gt;
 *      com.amazonaws.services.lambda.runtime.api.client.AWSLambda &lt;handler&gt;
 * </pre>
 * <ul>
 *   <li>The RIC jars come first: on Lambda they are the system classpath and the function's code sits in a child
 *       class loader, so the runtime's copy of {@code aws-lambda-java-core} wins there too.</li>
 *   <li>{@code -XX:+UseSerialGC} and {@code -XX:TieredStopAtLevel=1} are what the {@code java17}/{@code java21}
 *       runtimes use by default (C1 only: fast start, slower hot loops). {@code -Xmx} keeps the heap inside the
 *       function's MemorySize like Lambda's memory limit does (80% leaves room for metaspace, code cache and
 *       thread stacks). Each default is left out when the function's {@code JAVA_TOOL_OPTIONS} or
 *       {@link FunctionConfig#jvmOptions()} already sets that option, so a template can opt into C2
 *       ({@code -XX:TieredStopAtLevel=4}) or another collector as it would on Lambda.</li>
 *   <li>The working directory defaults to a fresh empty directory: the RIC adds its working directory and
 *       {@code ./lib/*.jar} to a customer class loader (on Lambda, {@code /var/task}); since the function's code is
 *       already on {@code -cp}, an empty one keeps every class and resource visible exactly once.
 *       {@code LAMBDA_TASK_ROOT} still names the artifact's directory.</li>
 * </ul>
 *
 * <h2>Native artifacts</h2>
 * {@code bootstrap} is executed directly in its task root with the same environment plus
 * {@code DISABLE_SIGNAL_HANDLERS=true}; MemorySize is only advertised, not enforced.
 *
 * <h2>Environment</h2>
 * A clean environment (unless {@link FunctionConfig#inheritEnvironment()}): {@code PATH}, {@code LANG},
 * {@code TZ=:UTC}, the function's own variables, then the Lambda-reserved ones: {@code AWS_LAMBDA_RUNTIME_API},
 * {@code AWS_LAMBDA_FUNCTION_NAME}, {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE},
 * {@code AWS_LAMBDA_FUNCTION_VERSION=$LATEST}, {@code AWS_LAMBDA_LOG_GROUP_NAME}, {@code AWS_LAMBDA_LOG_STREAM_NAME},
 * {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code _HANDLER}, {@code LAMBDA_TASK_ROOT},
 * {@code AWS_EXECUTION_ENV} (JVM).
 *
 * <h2>Life cycle</h2>
 * The process is ready once it has called {@code /next} ({@link #awaitReady}). It runs one invocation at a time
 * ({@link #invoke}); a timeout kills it ({@value InvocationResult#SANDBOX_TIMEDOUT}), and an exit while an invocation
 * is queued or running fails that invocation with {@value InvocationResult#RUNTIME_EXIT_ERROR}. Output (stdout and
 * stderr merged) goes line by line to the {@link FunctionLog} and to an in-memory tail used in error messages.
 */
public final class FunctionProcess implements AutoCloseable {

    /** Share of MemorySize given to the JVM heap ({@code -Xmx}). */
    public static final int HEAP_PERCENT = 80;
    /** Grace period between SIGTERM and SIGKILL in {@link #close()}. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(3);

    private final FunctionConfig config;
    private final String instanceName;
    private final RuntimeApiServer server;
    private final FunctionLog log;
    private final Process process;
    private final long startNanos;
    private final ProcessSupervisor supervisor;
    private volatile Duration startupTime;
    private volatile boolean busy;

    private FunctionProcess(FunctionConfig config, int instance, RicClasspath ric, FunctionLog log) throws IOException {
        this.config = config;
        this.instanceName = config.name() + "#" + instance;
        this.log = log == null ? FunctionLog.forwardingOnly(null) : log;
        this.server = RuntimeApiServer.start(config.functionArn());
        ProcessLauncher.Launched launched;
        try {
            launched = ProcessLauncher.launch(config, ric, server.address());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        this.process = launched.process();
        this.startNanos = launched.startNanos();
        this.log.line(
                instanceName,
                "[phylo] started pid " + process.pid() + " polling " + server.address() + " ("
                        + (config.artifact() instanceof FunctionArtifact.Jvm ? "JVM" : "native") + ")");
        this.supervisor = ProcessSupervisor.watch(launched, instanceName, this.log, server);
    }

    /**
     * Starts one process for {@code config}. {@code ric} is needed for JVM artifacts (null is fine for native ones);
     * {@code log} may be null (output then only kept in the in-memory tail).
     *
     * @param instance a number identifying this process among the function's processes ({@code name#instance})
     */
    public static FunctionProcess start(FunctionConfig config, int instance, RicClasspath ric, FunctionLog log) {
        try {
            return new FunctionProcess(config, instance, ric, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start function " + config.name(), e);
        }
    }

    /** The command line for {@code config} (exposed for diagnostics, e.g. a {@code --debug} print). */
    public static List<String> command(FunctionConfig config, RicClasspath ric) {
        return ProcessLauncher.command(config, ric);
    }

    /** The environment a process of {@code config} gets (without the inherited part). */
    public static Map<String, String> environment(FunctionConfig config, String runtimeApiAddress) {
        return ProcessLauncher.environment(config, runtimeApiAddress);
    }

    // --- start-up -----------------------------------------------------------------------------------------------

    /**
     * Waits until the process has called {@code /invocation/next} once.
     *
     * @throws FunctionStartException if it reports an init error (it is then killed, as Lambda resets the
     *                                environment), exits, or does not get there within {@code timeout} (killed)
     */
    public void awaitReady(Duration timeout) {
        if (startupTime != null) {
            return;
        }
        CompletableFuture<Object> any =
                CompletableFuture.anyOf(server.firstPoll(), server.initErrorFuture(), supervisor.onExit());
        try {
            any.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            supervisor.killAndWait();
            throw new FunctionStartException(
                    InvocationResult.SANDBOX_TIMEDOUT,
                    instanceName + " (pid " + pid()
                            + ") did not reach /invocation/next within " + seconds(timeout) + " seconds"
                            + supervisor.outputExcerpt());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            supervisor.killAndWait();
            throw new CancellationException("interrupted while " + instanceName + " was starting");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        Optional<RuntimeApiServer.InitError> initError = server.initError();
        if (initError.isPresent()) {
            supervisor.killAndWait();
            RuntimeApiServer.InitError err = initError.get();
            throw new FunctionStartException(
                    err.errorType(),
                    instanceName + " failed to initialise: " + err.errorType() + ": " + err.errorMessage()
                            + supervisor.outputExcerpt());
        }
        if (!server.firstPoll().isDone()) {
            int code = supervisor.onExit().join();
            throw new FunctionStartException(
                    InvocationResult.RUNTIME_EXIT_ERROR,
                    instanceName + " exited during "
                            + "start-up: Runtime exited with error: " + ExitStatus.describe(code)
                            + supervisor.outputExcerpt());
        }
        startupTime = Duration.ofNanos(System.nanoTime() - startNanos);
        log.line(instanceName, "[phylo] ready in " + startupTime.toMillis() + " ms");
    }

    /** From process start to the first {@code /next}, once {@link #awaitReady} has succeeded. */
    public Optional<Duration> startupTime() {
        return Optional.ofNullable(startupTime);
    }

    // --- invocations -------------------------------------------------------------------------------------------

    /** {@link #invoke(String, byte[], Duration)} with a fresh UUID request id. */
    public InvocationResult invoke(byte[] payload, Duration timeout) {
        return invoke(UUID.randomUUID().toString(), payload, timeout);
    }

    /**
     * Runs one invocation (call it once at a time per process, like Lambda's one request per environment). Waits
     * at most {@code timeout}; then the process is killed and the result is {@value InvocationResult#SANDBOX_TIMEDOUT}
     * "Task timed out after N.NN seconds". If the process exits first: {@value InvocationResult#RUNTIME_EXIT_ERROR}.
     *
     * @throws CancellationException if the calling thread is interrupted (the process is killed: it is busy with an
     *                               invocation nobody waits for)
     */
    public InvocationResult invoke(String requestId, byte[] payload, Duration timeout) {
        busy = true;
        try {
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            CompletableFuture<InvocationResult> result = server.submit(requestId, payload, deadline, null);
            OptionalInt code = supervisor.exitCode();
            if (code.isPresent()) {
                server.complete(requestId, supervisor.exitFailure(requestId, code.getAsInt()));
            }
            try {
                long started = System.nanoTime();
                InvocationResult done = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                report(requestId, System.nanoTime() - started);
                return done;
            } catch (TimeoutException e) {
                InvocationResult timedOut = new InvocationResult.Failure(
                        requestId,
                        InvocationResult.SANDBOX_TIMEDOUT,
                        "Task timed out after " + seconds(timeout) + " seconds",
                        List.of());
                if (server.complete(requestId, timedOut)) {
                    log.line(
                            instanceName,
                            "[phylo] RequestId: " + requestId + " Task timed out after " + seconds(timeout)
                                    + " seconds; killing pid " + pid());
                    supervisor.killAndWait();
                }
                return result.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.complete(
                        requestId,
                        new InvocationResult.Failure(
                                requestId, "Runtime.Cancelled", "invocation abandoned: caller interrupted", List.of()));
                supervisor.killAndWait();
                throw new CancellationException("interrupted while invoking " + instanceName);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        } finally {
            busy = false;
        }
    }

    /** True while {@link #invoke} runs. */
    public boolean isBusy() {
        return busy;
    }

    // --- state and control -------------------------------------------------------------------------------------

    public String instanceName() {
        return instanceName;
    }

    public FunctionConfig config() {
        return config;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return supervisor.isAlive();
    }

    public OptionalInt exitCode() {
        return supervisor.exitCode();
    }

    /** Completes with the exit code once the process is gone and its output drained. */
    public CompletableFuture<Integer> onExit() {
        return supervisor.onExit();
    }

    public RuntimeApiServer server() {
        return server;
    }

    /** The last output lines (at most 200), oldest first. */
    public List<String> outputTail() {
        return supervisor.outputTail();
    }

    /** SIGKILL (like {@code kill -9}), without waiting. Descendants too. */
    public void kill() {
        supervisor.kill();
    }

    /** SIGTERM, without waiting. */
    public void terminate() {
        supervisor.terminate();
    }

    /** Waits up to {@code timeout} for the process to exit and its output to drain. */
    public boolean awaitExit(Duration timeout) {
        return supervisor.awaitExit(timeout);
    }

    /** SIGTERM, up to {@code grace} to exit, then SIGKILL; returns once the process is gone. */
    public void stop(Duration grace) {
        stopAll(List.of(this), grace);
    }

    /** {@link #stop} with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    /**
     * Stops many processes at once: SIGTERM to all, one shared grace period, SIGKILL to the rest, then waits for
     * every one to be gone. Their Runtime API servers are closed.
     */
    public static void stopAll(Collection<FunctionProcess> processes, Duration grace) {
        GracefulStop.stopAll(processes.stream().map(p -> p.supervisor).toList(), grace);
    }

    @Override
    public String toString() {
        return instanceName + "(pid " + process.pid() + (isAlive() ? "" : ", exited " + exitCodeText()) + ")";
    }

    private String exitCodeText() {
        OptionalInt code = supervisor.exitCode();
        return code.isPresent() ? Integer.toString(code.getAsInt()) : "null";
    }

    /**
     * Lambda's REPORT line after each invocation: duration, the configured memory and the process's peak resident
     * memory so far ({@code VmHWM}; on Lambda "Max Memory Used" is likewise the environment's peak). The peak is left
     * out where {@code /proc} does not exist.
     */
    private void report(String requestId, long nanos) {
        String peak = PeakMemory.ofProcess(pid())
                .map(mb -> " Max Memory Used: " + mb + " MB")
                .orElse("");
        log.line(
                instanceName,
                String.format(
                        Locale.ROOT,
                        "[phylo] REPORT RequestId: %s Duration: %.2f ms Memory Size: %d MB%s",
                        requestId,
                        nanos / 1e6,
                        config.memoryMb(),
                        peak));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toMillis() / 1000.0);
    }
}
