package dev.phylo.lambda.internal;

import dev.phylo.lambda.InvocationResult;
import java.math.BigInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One submitted invocation: what {@code /invocation/next} delivers to the runtime, and the future its outcome
 * completes. Compared by identity, so that removing it from the queue removes exactly this one.
 */
final class PendingInvocation {

    private final String requestId;
    private final byte[] payload;
    private final long deadlineEpochMs;
    private final String traceId;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();

    PendingInvocation(String requestId, byte[] payload, long deadlineEpochMs, String traceId) {
        this.requestId = requestId;
        this.payload = payload;
        this.deadlineEpochMs = deadlineEpochMs;
        this.traceId = traceId;
    }

    String requestId() {
        return requestId;
    }

    byte[] payload() {
        return payload;
    }

    long deadlineEpochMs() {
        return deadlineEpochMs;
    }

    String traceId() {
        return traceId;
    }

    CompletableFuture<InvocationResult> result() {
        return result;
    }

    /** An X-Ray style trace header: {@code Root=1-<8 hex epoch s>-<24 hex>;Parent=<16 hex>;Sampled=0}. */
    static String newTraceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format(
                "Root=1-%08x-%024x;Parent=%016x;Sampled=0",
                System.currentTimeMillis() / 1000, new BigInteger(96, r), r.nextLong());
    }
}
