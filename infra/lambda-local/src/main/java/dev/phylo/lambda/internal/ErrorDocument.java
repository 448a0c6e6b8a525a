package dev.phylo.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The error a runtime posts to {@code /invocation/{id}/error} or {@code /init/error}:
 * {@code {"errorMessage","errorType","stackTrace"}}. A body that is not such a JSON object is taken as the message;
 * without an {@code errorType} the {@code Lambda-Runtime-Function-Error-Type} header names the type, else
 * {@code Unhandled}.
 */
record ErrorDocument(String type, String message, List<String> stackTrace) {

    static ErrorDocument parse(byte[] body, String headerType) {
        String type = null;
        String message = null;
        List<String> stack = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode node = body.length == 0 ? null : Json.MAPPER.readTree(body);
            if (node != null && node.isObject()) {
                type = textOrNull(node.get("errorType"));
                message = textOrNull(node.get("errorMessage"));
                JsonNode frames = node.get("stackTrace");
                if (frames != null && frames.isArray()) {
                    frames.forEach(f -> stack.add(f.isTextual() ? f.asText() : f.toString()));
                }
            } else if (node != null) {
                message = text;
            }
        } catch (IOException e) {
            message = text; // not JSON: the body itself is the message
        }
        if (type == null || type.isBlank()) {
            type = headerType == null || headerType.isBlank() ? "Unhandled" : headerType;
        }
        return new ErrorDocument(type, message == null ? "" : message, stack);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }
}
