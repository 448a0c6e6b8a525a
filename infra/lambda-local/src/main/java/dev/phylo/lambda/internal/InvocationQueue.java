package dev.phylo.lambda.internal;

import dev.phylo.lambda.InvocationResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The invocations of one Runtime API server: queued until the runtime's next {@code /invocation/next}, then in
 * flight until the runtime answers or they are completed from outside (a timeout, the process's exit). An
 * invocation is in flight from submission on, so it can be completed while still queued. Thread-safe.
 */
public final class InvocationQueue {

    /** How often a waiting {@code /next} checks whether the server was closed. */
    private static final long POLL_MILLIS = 250;

    private final LinkedBlockingDeque<PendingInvocation> queue = new LinkedBlockingDeque<>();
    private final Map<String, PendingInvocation> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Queues one invocation; once closed, it fails straight away instead.
     *
     * @param traceId the {@code Lambda-Runtime-Trace-Id}; null for a fresh X-Ray style one
     */
    public CompletableFuture<InvocationResult> submit(
            String requestId, byte[] payload, long deadlineEpochMs, String traceId) {
        PendingInvocation p = new PendingInvocation(
                requestId, payload, deadlineEpochMs, traceId == null ? PendingInvocation.newTraceId() : traceId);
        if (closed) {
            p.result()
                    .complete(new InvocationResult.Failure(
                            requestId, InvocationResult.RUNTIME_EXIT_ERROR, "Runtime API server is closed", List.of()));
            return p.result();
        }
        inFlight.put(requestId, p);
        queue.addLast(p);
        return p.result();
    }

    /** Completes an invocation and forgets it; false if it was not in flight (already completed, or unknown). */
    public boolean complete(String requestId, InvocationResult result) {
        PendingInvocation p = inFlight.remove(requestId);
        if (p == null) {
            return false;
        }
        queue.remove(p);
        return p.result().complete(result);
    }

    /** Completes every queued or running invocation with {@code reason.apply(requestId)}. */
    public void failAll(Function<String, InvocationResult> reason) {
        for (String id : List.copyOf(inFlight.keySet())) {
            complete(id, reason.apply(id));
        }
    }

    /** Number of invocations submitted and not yet completed. */
    public int size() {
        return inFlight.size();
    }

    /** Stops taking invocations; returns false if it was already closed. Does not complete the pending ones. */
    public boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /**
     * Blocks until an invocation is queued and takes it (one completed from outside while queued is skipped);
     * returns null once the queue is closed.
     */
    PendingInvocation awaitNext() throws InterruptedException {
        while (!closed) {
            PendingInvocation p = queue.pollFirst(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (p != null && !p.result().isDone()) {
                return p;
            }
        }
        return null;
    }

    /** Takes an invocation out of flight for the runtime to complete it; null if it is not in flight. */
    PendingInvocation claim(String requestId) {
        return inFlight.remove(requestId);
    }

    /** Puts a taken invocation back at the head of the queue, unless it has completed meanwhile. */
    void redeliver(PendingInvocation p) {
        if (!p.result().isDone()) {
            queue.addFirst(p);
        }
    }
}
