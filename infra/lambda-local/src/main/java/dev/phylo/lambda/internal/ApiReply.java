package dev.phylo.lambda.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the Runtime API answers to one request, plus what to do about it: {@code complete} runs after the call is
 * recorded and before the answer is sent (so anyone woken by a completed invocation already sees the call in the
 * server's call list); {@code onSendFailure} runs if the answer cannot be delivered. Either may be null.
 */
record ApiReply(int status, Map<String, String> headers, byte[] body, Runnable complete, Runnable onSendFailure) {

    static ApiReply json(int status, String json, Runnable complete) {
        return new ApiReply(status, Map.of(), json.getBytes(StandardCharsets.UTF_8), complete, null);
    }

    /** The Runtime API's error document, {@code {"errorMessage":…,"errorType":…}}. */
    static ApiReply error(int status, String type, String message) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("errorMessage", message);
        node.put("errorType", type);
        return json(status, node.toString(), null);
    }

    /** 202, the answer to a runtime's report. */
    static ApiReply accepted(Runnable complete) {
        return json(202, "{\"status\":\"OK\"}", complete);
    }

    /** This reply, with {@code complete} to run before it is sent. */
    ApiReply completing(Runnable complete) {
        return new ApiReply(status, headers, body, complete, onSendFailure);
    }
}
