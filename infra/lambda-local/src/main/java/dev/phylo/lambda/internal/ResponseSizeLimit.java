package dev.phylo.lambda.internal;

import dev.phylo.lambda.InvocationResult;
import dev.phylo.lambda.RuntimeApiServer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lambda's limit on a synchronous response ({@link RuntimeApiServer#MAX_RESPONSE_BYTES}), as the Runtime API
 * enforces it: a larger {@code /response} gets 413 and fails its invocation with
 * {@value InvocationResult#RESPONSE_TOO_LARGE}. The Java RIC then posts its "Failed to post invocation response"
 * error for the same request id; Lambda accepts that (and still reports the size error), so the rejected ids are
 * remembered for that one follow-up.
 */
final class ResponseSizeLimit {

    private final Set<String> rejected = ConcurrentHashMap.newKeySet();

    static boolean exceeds(byte[] body) {
        return body.length > RuntimeApiServer.MAX_RESPONSE_BYTES;
    }

    /** The 413 answer to an oversized response; sending it fails {@code invocation}. */
    ApiReply reject(PendingInvocation invocation, int responseBytes) {
        rejected.add(invocation.requestId());
        InvocationResult tooLarge = new InvocationResult.Failure(
                invocation.requestId(),
                InvocationResult.RESPONSE_TOO_LARGE,
                "Response payload size (" + responseBytes
                        + " bytes) exceeded maximum allowed payload size (" + RuntimeApiServer.MAX_RESPONSE_BYTES
                        + " bytes).",
                List.of());
        return ApiReply.error(
                        413,
                        "RequestEntityTooLarge",
                        "Exceeded maximum allowed payload size (" + RuntimeApiServer.MAX_RESPONSE_BYTES + " bytes).")
                .completing(() -> invocation.result().complete(tooLarge));
    }

    /** True (once) if {@code requestId}'s response was rejected: its follow-up {@code /error} is accepted. */
    boolean acceptsFollowUpError(String requestId) {
        return rejected.remove(requestId);
    }
}
