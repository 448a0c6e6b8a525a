package dev.phylo.lambda.internal;

import dev.phylo.lambda.FunctionLog;
import dev.phylo.lambda.InvocationResult;
import dev.phylo.lambda.RuntimeApiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watches one started function process until it is gone, and signals it. Its output is captured; when it exits,
 * the invocations still queued or running on its Runtime API server fail with
 * {@value InvocationResult#RUNTIME_EXIT_ERROR}, the server is closed and a temporary working directory is deleted.
 */
public final class ProcessSupervisor {

    private static final long DRAIN_MILLIS = 2000;
    private static final Duration EXIT_AFTER_KILL = Duration.ofSeconds(10);

    private final Process process;
    private final String instanceName;
    private final FunctionLog log;
    private final RuntimeApiServer server;
    private final Path temporaryWorkDir;
    private final OutputCapture output;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile Integer exitCode;

    private ProcessSupervisor(
            ProcessLauncher.Launched launched, String instanceName, FunctionLog log, RuntimeApiServer server) {
        this.process = launched.process();
        this.instanceName = instanceName;
        this.log = log;
        this.server = server;
        this.temporaryWorkDir = launched.temporaryWorkDir();
        this.output = OutputCapture.start(process, instanceName, log);
    }

    /** Starts watching {@code launched}, which polls {@code server}; its output goes to {@code log}. */
    public static ProcessSupervisor watch(
            ProcessLauncher.Launched launched, String instanceName, FunctionLog log, RuntimeApiServer server) {
        ProcessSupervisor supervisor = new ProcessSupervisor(launched, instanceName, log, server);
        supervisor.process.onExit().whenComplete((p, error) -> supervisor.handleExit());
        return supervisor;
    }

    public boolean isAlive() {
        return exitCode == null && process.isAlive();
    }

    /** The exit code, once the process is gone and its output drained. */
    public OptionalInt exitCode() {
        Integer code = exitCode;
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** Completes with the exit code once the process is gone and its output drained. */
    public CompletableFuture<Integer> onExit() {
        return exited;
    }

    /** The last output lines (at most 200), oldest first. */
    public List<String> outputTail() {
        return output.lines();
    }

    /** The last output lines as a paragraph to append to an error message. */
    public String outputExcerpt() {
        return output.excerpt();
    }

    /** What an invocation that the process's exit (with {@code code}) cut short fails with. */
    public InvocationResult.Failure exitFailure(String requestId, int code) {
        return new InvocationResult.Failure(
                requestId,
                InvocationResult.RUNTIME_EXIT_ERROR,
                "RequestId: " + requestId + " Error: Runtime exited with error: " + ExitStatus.describe(code)
                        + outputExcerpt(),
                List.of());
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
            return true; // never completed exceptionally; if it were, the process would still be gone
        }
    }

    /** {@link #kill()}, then waits (up to 10 seconds) until the process is gone. */
    public void killAndWait() {
        kill();
        awaitExit(EXIT_AFTER_KILL);
    }

    /** Logs that the process outlived a SIGKILL (for {@link GracefulStop}). */
    void reportStillRunning() {
        log.line(instanceName, "[phylo] pid " + process.pid() + " did not exit after SIGKILL");
    }

    /** Closes the process's Runtime API server (for {@link GracefulStop}). */
    void closeServer() {
        server.close();
    }

    private void handleExit() {
        int code;
        try {
            code = process.exitValue();
        } catch (IllegalThreadStateException e) {
            code = -1; // defensive: onExit() completes only once the exit value is known
        }
        try {
            output.awaitDrained(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exitCode = code;
        int finalCode = code;
        server.failAll(id -> exitFailure(id, finalCode));
        // A process that never reached /next is reported by the start-up failure instead.
        if (server.firstPoll().isDone()) {
            log.line(instanceName, "[phylo] pid " + process.pid() + " exited: " + ExitStatus.describe(code));
        }
        server.close();
        TemporaryWorkDir.delete(temporaryWorkDir);
        exited.complete(code);
    }
}
