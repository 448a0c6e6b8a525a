package dev.phylo.lambda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * {@code AWS_LAMBDA_FUNCTION_NAME}, {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, {@code AWS_LAMBDA_FUNCTION_VERSION=$LATEST},
 * {@code AWS_LAMBDA_LOG_GROUP_NAME}, {@code AWS_LAMBDA_LOG_STREAM_NAME}, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION},
 * {@code _HANDLER}, {@code LAMBDA_TASK_ROOT}, {@code AWS_EXECUTION_ENV} (JVM).
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

    private static final int TAIL_KEPT = 200;
    private static final int TAIL_IN_MESSAGES = 25;
    private static final Pattern HEAP_OPTION = Pattern.compile("-Xmx|MaxHeapSize|MaxRAM");
    private static final Pattern GC_OPTION = Pattern.compile("-XX:[+-]Use\\w*GC\\b");
    private static final Pattern TIER_OPTION = Pattern.compile("TieredStopAtLevel|TieredCompilation");

    private final FunctionConfig config;
    private final String instanceName;
    private final RuntimeApiServer server;
    private final FunctionLog log;
    private final Process process;
    private final long startNanos;
    private final Thread pump;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Path createdWorkDir;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile Integer exitCode;
    private volatile Duration startupTime;
    private volatile boolean busy;

    private FunctionProcess(FunctionConfig config, int instance, RicClasspath ric, FunctionLog log)
            throws IOException {
        this.config = config;
        this.instanceName = config.name() + "#" + instance;
        this.log = log == null ? FunctionLog.forwardingOnly(null) : log;
        this.server = RuntimeApiServer.start(config.functionArn());
        Path workDir = config.workingDirectory();
        Path created = null;
        try {
            if (workDir == null) {
                if (config.artifact() instanceof FunctionArtifact.Jvm) {
                    created = Files.createTempDirectory("phylo-lambda-" + config.name() + "-");
                    workDir = created;
                } else {
                    workDir = config.artifact().taskRoot();
                }
            }
            ProcessBuilder pb = new ProcessBuilder(command(config, ric));
            pb.directory(workDir.toFile());
            pb.redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            Map<String, String> wanted = environment(config, server.address());
            if (!config.inheritEnvironment()) {
                env.clear();
            }
            env.putAll(wanted);
            this.startNanos = System.nanoTime();
            this.process = pb.start();
        } catch (IOException | RuntimeException e) {
            server.close();
            deleteQuietly(created);
            throw e;
        }
        this.createdWorkDir = created;
        this.log.line(instanceName, "[phylo] started pid " + process.pid() + " polling " + server.address()
                + " (" + (config.artifact() instanceof FunctionArtifact.Jvm ? "JVM" : "native") + ")");
        this.pump = new Thread(this::pumpOutput, "lambda-output-" + instanceName);
        pump.setDaemon(true);
        pump.start();
        process.onExit().whenComplete((p, error) -> handleExit());
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
        List<String> cmd = new ArrayList<>();
        FunctionArtifact artifact = config.artifact();
        if (artifact instanceof FunctionArtifact.Native n) {
            cmd.add(n.bootstrap().toString());
            return cmd;
        }
        FunctionArtifact.Jvm jvm = (FunctionArtifact.Jvm) artifact;
        if (ric == null) {
            throw new IllegalArgumentException("a JVM function needs the Runtime Interface Client's classpath");
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String userOptions = config.environment().getOrDefault("JAVA_TOOL_OPTIONS", "") + " "
                + String.join(" ", config.jvmOptions());
        if (!HEAP_OPTION.matcher(userOptions).find()) {
            cmd.add("-Xmx" + Math.max(16, (long) config.memoryMb() * HEAP_PERCENT / 100) + "m");
        }
        if (!GC_OPTION.matcher(userOptions).find()) {
            cmd.add("-XX:+UseSerialGC");
        }
        if (!TIER_OPTION.matcher(userOptions).find()) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        cmd.addAll(ric.jvmOptions());
        cmd.addAll(config.jvmOptions());
        List<String> cp = new ArrayList<>();
        ric.entries().forEach(p -> cp.add(p.toString()));
        jvm.classpath().forEach(p -> cp.add(p.toString()));
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add(RicClasspath.MAIN_CLASS);
        cmd.add(config.handler());
        return cmd;
    }

    /** The environment a process of {@code config} gets (without the inherited part). */
    public static Map<String, String> environment(FunctionConfig config, String runtimeApiAddress) {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.putAll(config.environment());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApiAddress);
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy/MM/dd")) + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", ""));
        env.put("AWS_REGION", config.region());
        env.put("AWS_DEFAULT_REGION", config.region());
        env.put("_HANDLER", config.handler());
        env.put("LAMBDA_TASK_ROOT", config.artifact().taskRoot().toString());
        if (config.artifact() instanceof FunctionArtifact.Jvm) {
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
        } else {
            env.put("DISABLE_SIGNAL_HANDLERS", "true");
        }
        return env;
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
        CompletableFuture<Object> any = CompletableFuture.anyOf(server.firstPoll(), server.initErrorFuture(), exited);
        try {
            any.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            killAndWait();
            throw new FunctionStartException(InvocationResult.SANDBOX_TIMEDOUT, instanceName + " (pid " + pid()
                    + ") did not reach /invocation/next within " + seconds(timeout) + " seconds" + tailText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killAndWait();
            throw new CancellationException("interrupted while " + instanceName + " was starting");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        Optional<RuntimeApiServer.InitError> initError = server.initError();
        if (initError.isPresent()) {
            killAndWait();
            RuntimeApiServer.InitError err = initError.get();
            throw new FunctionStartException(err.errorType(), instanceName + " failed to initialise: "
                    + err.errorType() + ": " + err.errorMessage() + tailText());
        }
        if (!server.firstPoll().isDone()) {
            int code = exited.join();
            throw new FunctionStartException(InvocationResult.RUNTIME_EXIT_ERROR, instanceName + " exited during "
                    + "start-up: Runtime exited with error: " + describeExit(code) + tailText());
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
            Integer code = exitCode;
            if (code != null) {
                server.complete(requestId, exitFailure(requestId, code));
            }
            try {
                return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                InvocationResult timedOut = new InvocationResult.Failure(requestId, InvocationResult.SANDBOX_TIMEDOUT,
                        "Task timed out after " + seconds(timeout) + " seconds", List.of());
                if (server.complete(requestId, timedOut)) {
                    log.line(instanceName, "[phylo] RequestId: " + requestId + " Task timed out after "
                            + seconds(timeout) + " seconds; killing pid " + pid());
                    killAndWait();
                }
                return result.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.complete(requestId, new InvocationResult.Failure(requestId, "Runtime.Cancelled",
                        "invocation abandoned: caller interrupted", List.of()));
                killAndWait();
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
        return exitCode == null && process.isAlive();
    }

    public OptionalInt exitCode() {
        Integer code = exitCode;
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** Completes with the exit code once the process is gone and its output drained. */
    public CompletableFuture<Integer> onExit() {
        return exited;
    }

    public RuntimeApiServer server() {
        return server;
    }

    /** The last output lines (at most 200), oldest first. */
    public List<String> outputTail() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /** SIGKILL (like {@code kill -9}), without waiting. Descendants too. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** SIGTERM, without waiting. */
    public void terminate() {
        process.destroy();
    }

    /** Waits up to {@code timeout} for the process to exit and its output to drain. */
    public boolean awaitExit(Duration timeout) {
        try {
            exited.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
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
        for (FunctionProcess p : processes) {
            if (p.isAlive()) {
                p.terminate();
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (FunctionProcess p : processes) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!p.awaitExit(Duration.ofNanos(left))) {
                p.kill();
            }
        }
        for (FunctionProcess p : processes) {
            if (!p.awaitExit(Duration.ofSeconds(10))) {
                p.log.line(p.instanceName, "[phylo] pid " + p.pid() + " did not exit after SIGKILL");
            }
            p.server.close();
        }
    }

    @Override
    public String toString() {
        return instanceName + "(pid " + process.pid() + (isAlive() ? "" : ", exited " + exitCode) + ")";
    }

    // ------------------------------------------------------------------------------------------------------------

    private void killAndWait() {
        kill();
        awaitExit(Duration.ofSeconds(10));
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (tail) {
                    if (tail.size() == TAIL_KEPT) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                log.line(instanceName, line);
            }
        } catch (IOException e) {
            // stream closed: the process is gone
        }
    }

    private void handleExit() {
        int code;
        try {
            code = process.exitValue();
        } catch (IllegalThreadStateException e) {
            code = -1;
        }
        try {
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exitCode = code;
        int finalCode = code;
        server.failAll(id -> exitFailure(id, finalCode));
        if (startupTime != null || server.firstPoll().isDone()) {
            log.line(instanceName, "[phylo] pid " + process.pid() + " exited: " + describeExit(code));
        }
        server.close();
        deleteQuietly(createdWorkDir);
        exited.complete(code);
    }

    private InvocationResult.Failure exitFailure(String requestId, int code) {
        return new InvocationResult.Failure(requestId, InvocationResult.RUNTIME_EXIT_ERROR,
                "RequestId: " + requestId + " Error: Runtime exited with error: " + describeExit(code) + tailText(),
                List.of());
    }

    private String tailText() {
        List<String> lines = outputTail();
        if (lines.isEmpty()) {
            return "\n(no output from " + instanceName + ")";
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_IN_MESSAGES), lines.size());
        StringBuilder sb = new StringBuilder("\nLast output of ").append(instanceName).append(" (pid ")
                .append(process.pid()).append("):");
        for (String line : last) {
            sb.append("\n  ").append(line.length() > 500 ? line.substring(0, 500) + "…" : line);
        }
        return sb.toString();
    }

    /** Lambda's wording: "exit status 3", or "signal: killed (exit code 137)" for a process ended by a signal. */
    static String describeExit(int code) {
        if (code > 128 && code <= 128 + 64) {
            int signal = code - 128;
            String name = switch (signal) {
                case 1 -> "hangup";
                case 2 -> "interrupt";
                case 4 -> "illegal instruction";
                case 6 -> "aborted";
                case 7 -> "bus error";
                case 8 -> "floating point exception";
                case 9 -> "killed";
                case 11 -> "segmentation fault";
                case 13 -> "broken pipe";
                case 15 -> "terminated";
                default -> "signal " + signal;
            };
            return "signal: " + name + " (exit code " + code + ")";
        }
        return "exit status " + code;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toMillis() / 1000.0);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
