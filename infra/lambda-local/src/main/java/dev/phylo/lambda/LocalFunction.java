package dev.phylo.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.lambda.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named function: a pool of up to {@link FunctionConfig#concurrency()} {@link FunctionProcess}es, each running
 * one invocation at a time (Lambda's one request per execution environment).
 *
 * <ul>
 *   <li>Processes start lazily, when an invocation finds none idle and the pool is below its limit (a cold start;
 *       its start-up does not count against the invocation timeout). {@link #prewarm} starts some ahead of time.</li>
 *   <li>Idle processes are reused most-recently-used first, so a warm environment is preferred.</li>
 *   <li>When all {@code concurrency} processes are busy, further invocations wait (fair FIFO): this machine runs
 *       fewer environments at once than Lambda would, and being slower is not a throttle.</li>
 *   <li>A function with a {@linkplain FunctionConfig#reservedConcurrency() reserved concurrency} (the template's
 *       {@code ReservedConcurrentExecutions}) is throttled as Lambda throttles it: an invocation that would put more
 *       than that many in flight (waiting for a process or running) fails at once, before any process sees it, with
 *       {@value InvocationResult#TOO_MANY_REQUESTS} ("Rate Exceeded."; the synchronous Invoke API's HTTP 429,
 *       https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html). A reserved concurrency of 0 throttles every
 *       invocation. An unreserved function is never throttled here: the account's concurrency quota is not
 *       modelled (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html; docs/architecture.md,
 *       decision 10).</li>
 *   <li>A timed-out invocation kills its process ({@value InvocationResult#SANDBOX_TIMEDOUT}); a process that dies
 *       mid-invocation fails it ({@value InvocationResult#RUNTIME_EXIT_ERROR}). Either way the dead process leaves
 *       the pool and the next invocation that needs one starts a replacement, as Lambda re-initialises an
 *       environment after a reset.</li>
 *   <li>A process that cannot start fails the invocation that needed it with the init error's type (for Java the
 *       exception class), {@value InvocationResult#RUNTIME_EXIT_ERROR} or {@value InvocationResult#SANDBOX_TIMEDOUT},
 *       with the process's last output in the message.</li>
 *   <li>Payloads above {@value #MAX_REQUEST_BYTES} bytes fail with {@value InvocationResult#REQUEST_TOO_LARGE} and
 *       responses above {@link RuntimeApiServer#MAX_RESPONSE_BYTES} with
 *       {@value InvocationResult#RESPONSE_TOO_LARGE} (Lambda's 6 MB synchronous limits).</li>
 * </ul>
 */
public final class LocalFunction implements AutoCloseable {

    /** Lambda's synchronous request payload limit: 6 MB. */
    public static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;

    private final FunctionConfig config;
    private final RicClasspath ric;
    private final FunctionLog log;
    private final boolean ownsLog;
    private final Semaphore permits;
    private final Deque<FunctionProcess> idle = new ArrayDeque<>();
    private final Set<FunctionProcess> busy = new LinkedHashSet<>();
    private final AtomicInteger instances = new AtomicInteger();
    /** Invocations admitted and not yet finished: waiting for a process or running (Lambda's concurrency). */
    private final AtomicInteger inFlight = new AtomicInteger();

    private volatile boolean closed;

    /**
     * @param ric the RIC classpath (JVM artifacts; may be null for native ones)
     * @param log where process output goes (may be null: kept only in memory for error messages)
     */
    public LocalFunction(FunctionConfig config, RicClasspath ric, FunctionLog log) {
        this(config, ric, log, false);
    }

    LocalFunction(FunctionConfig config, RicClasspath ric, FunctionLog log, boolean ownsLog) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.artifact() instanceof FunctionArtifact.Jvm && ric == null) {
            throw new IllegalArgumentException(config.name() + " is a JVM function: it needs the RIC classpath");
        }
        this.ric = ric;
        this.log = log == null ? FunctionLog.forwardingOnly(null) : log;
        this.ownsLog = ownsLog;
        this.permits = new Semaphore(config.concurrency(), true);
    }

    public String name() {
        return config.name();
    }

    public FunctionConfig config() {
        return config;
    }

    /** Invokes with the function's configured timeout. */
    public InvocationResult invoke(String payload) {
        return invoke(payload, config.timeout());
    }

    /** Invokes with the function's configured timeout. */
    public InvocationResult invoke(JsonNode payload) {
        return invoke(payload, config.timeout());
    }

    public InvocationResult invoke(JsonNode payload, Duration timeout) {
        try {
            return invoke(Json.MAPPER.writeValueAsString(payload), timeout);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not serialisable", e);
        }
    }

    /**
     * Runs one synchronous invocation: fails it at once if it would exceed the reserved concurrency, else waits for a
     * free slot, takes an idle process (or starts one), and waits at most {@code timeout} for its response. Never
     * throws for function or platform failures; those are {@link InvocationResult.Failure}s.
     *
     * @throws CancellationException if the calling thread is interrupted (a running invocation's process is killed)
     * @throws IllegalStateException if the function is closed
     */
    public InvocationResult invoke(String payload, Duration timeout) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(timeout, "timeout");
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_REQUEST_BYTES) {
            return InvocationResult.failure(
                    InvocationResult.REQUEST_TOO_LARGE,
                    "Request must be smaller than "
                            + MAX_REQUEST_BYTES + " bytes for the InvokeFunction operation (was " + bytes.length
                            + " bytes)");
        }
        checkOpen();
        int limit = config.reservedConcurrency().orElse(Integer.MAX_VALUE);
        int before = inFlight.getAndUpdate(n -> n < limit ? n + 1 : n);
        if (before >= limit) {
            // Lambda's 429 TooManyRequestsException, Reason ReservedFunctionConcurrentInvocationLimitExceeded
            // (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html)
            return InvocationResult.failure(
                    InvocationResult.TOO_MANY_REQUESTS,
                    "Rate Exceeded. (" + name() + ": " + limit + " concurrent executions reserved, " + before
                            + " in flight; Reason: ReservedFunctionConcurrentInvocationLimitExceeded)");
        }
        try {
            return run(bytes, timeout);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Starts processes until {@code count} (capped at the concurrency) exist, in parallel, and waits until they are
     * ready. Useful to pay cold starts up front and to surface a broken artifact early.
     *
     * @throws FunctionStartException if one of them cannot start
     */
    public void prewarm(int count) {
        checkOpen();
        int wanted = Math.min(count, config.concurrency());
        List<FunctionProcess> started = new ArrayList<>();
        int held = 0;
        try {
            synchronized (this) {
                int missing = wanted - idle.size() - busy.size();
                // Each starting process holds a permit, so the pool never exceeds the concurrency; slots that
                // invocations hold right now are not prewarmed.
                while (held < missing && permits.tryAcquire()) {
                    held++;
                    FunctionProcess p = startProcess();
                    started.add(p);
                    busy.add(p);
                }
            }
            for (FunctionProcess p : started) {
                p.awaitReady(config.startupTimeout());
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                busy.removeAll(started);
            }
            FunctionProcess.stopAll(started, Duration.ZERO);
            throw e;
        } finally {
            synchronized (this) {
                for (FunctionProcess p : started) {
                    if (busy.remove(p)) {
                        if (closed || !p.isAlive()) {
                            p.kill();
                        } else {
                            idle.addLast(p);
                        }
                    }
                }
            }
            permits.release(held);
        }
    }

    /**
     * Kills (SIGKILL, like {@code kill -9} from outside) one process that is running an invocation; that invocation
     * then fails with {@value InvocationResult#RUNTIME_EXIT_ERROR}. A test hook. Returns the pid, or empty if no
     * process was busy.
     */
    public OptionalLong killBusyProcess() {
        FunctionProcess victim;
        synchronized (this) {
            victim = busy.stream().filter(FunctionProcess::isAlive).findFirst().orElse(null);
        }
        if (victim == null) {
            return OptionalLong.empty();
        }
        victim.kill();
        return OptionalLong.of(victim.pid());
    }

    /** The pids of the live processes (idle or busy). */
    public synchronized List<Long> processIds() {
        List<Long> pids = new ArrayList<>();
        for (FunctionProcess p : busy) {
            if (p.isAlive()) {
                pids.add(p.pid());
            }
        }
        for (FunctionProcess p : idle) {
            if (p.isAlive()) {
                pids.add(p.pid());
            }
        }
        return pids;
    }

    /** The live processes, busy ones first. */
    public synchronized List<FunctionProcess> processes() {
        List<FunctionProcess> all = new ArrayList<>(busy);
        all.addAll(idle);
        all.removeIf(p -> !p.isAlive());
        return all;
    }

    public synchronized int busyCount() {
        return busy.size();
    }

    /** Invocations in flight: waiting for a process or running (what a reserved concurrency limits). */
    public int inFlightCount() {
        return inFlight.get();
    }

    /** Stops every process (SIGTERM, then SIGKILL after {@link FunctionProcess#DEFAULT_GRACE}). */
    @Override
    public void close() {
        close(FunctionProcess.DEFAULT_GRACE);
    }

    public void close(Duration grace) {
        FunctionProcess.stopAll(beginClose(), grace);
        finishClose();
    }

    /** Marks the function closed and hands back its processes for a shared shutdown (see {@link LocalFunctions}). */
    synchronized List<FunctionProcess> beginClose() {
        closed = true;
        List<FunctionProcess> all = new ArrayList<>(busy);
        all.addAll(idle);
        idle.clear();
        return all;
    }

    void finishClose() {
        if (ownsLog) {
            log.close();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "LocalFunction[" + name() + ", processes=" + processIds() + "]";
    }

    // ------------------------------------------------------------------------------------------------------------

    /** An admitted invocation: waits for a free slot, then runs on an idle or a fresh process. */
    private InvocationResult run(byte[] bytes, Duration timeout) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a free " + name() + " process");
        }
        FunctionProcess process = null;
        try {
            try {
                process = acquireProcess();
            } catch (FunctionStartException e) {
                return e.toFailure();
            }
            return process.invoke(bytes, timeout);
        } finally {
            if (process != null) {
                release(process);
            }
            permits.release();
        }
    }

    private FunctionProcess acquireProcess() {
        FunctionProcess fresh;
        synchronized (this) {
            checkOpen();
            while (!idle.isEmpty()) {
                FunctionProcess p = idle.pollFirst();
                if (p.isAlive()) {
                    busy.add(p);
                    return p;
                }
            }
            fresh = startProcess();
            busy.add(fresh);
        }
        try {
            fresh.awaitReady(config.startupTimeout());
            return fresh;
        } catch (RuntimeException e) {
            synchronized (this) {
                busy.remove(fresh);
            }
            fresh.kill();
            log.line(fresh.instanceName(), "[phylo] start-up failed: " + e.getMessage());
            throw e;
        }
    }

    private synchronized void release(FunctionProcess process) {
        busy.remove(process);
        if (process.isAlive() && !closed) {
            idle.addFirst(process);
        } else if (process.isAlive()) {
            process.kill();
        }
    }

    private FunctionProcess startProcess() {
        return FunctionProcess.start(config, instances.incrementAndGet(), ric, log);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("function " + name() + " is closed");
        }
    }
}
