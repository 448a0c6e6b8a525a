package dev.phylo.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The error a function invocation ended with, as Lambda reports it: the {@code errorType} and {@code errorMessage} of
 * the body the mock event server answers a failed invocation with. {@code errorType} is what a Step Functions
 * {@code Retry} or {@code Catch} matches.
 */
public record FunctionError(String errorType, String errorMessage) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Funqy's wrapper around whatever a {@code @Funq} method throws. */
    public static final String FUNQY_WRAPPER = "io.quarkus.funqy.runtime.ApplicationException";

    /**
     * The exception type the function threw. Quarkus's poll loop (the native runtime, and the mock event server the
     * tests use) reports Funqy's wrapper as {@code errorType} with the thrown type at the start of the message
     * ({@code "dev.phylo.function.InvalidRequestException: runId = …"}); the JVM handler reports the thrown type
     * itself.
     */
    public String thrownType() {
        if (errorType.equals(FUNQY_WRAPPER) && errorMessage != null) {
            int colon = errorMessage.indexOf(':');
            return colon < 0 ? errorMessage : errorMessage.substring(0, colon);
        }
        return errorType;
    }

    /** Parses a failed invocation's response body; fails the test when the body is not Lambda's error shape. */
    public static FunctionError of(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not a Lambda error body (not JSON): " + body, e);
        }
        if (node == null || !node.path("errorType").isTextual()) {
            throw new IllegalArgumentException("not a Lambda error body (no errorType): " + body);
        }
        return new FunctionError(
                node.path("errorType").asText(), node.path("errorMessage").asText(null));
    }
}
