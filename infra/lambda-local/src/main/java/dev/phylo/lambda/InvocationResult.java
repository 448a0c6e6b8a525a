package dev.phylo.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.lambda.internal.Json;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one synchronous invocation: either the function's response payload, or a failure in the shape Lambda
 * reports it ({@code errorType}, {@code errorMessage}, {@code stackTrace}).
 *
 * <p>Failures cover both function errors (what the runtime posted to {@code /invocation/{id}/error}; {@code errorType}
 * is then, for the Java runtime, the exception's class name) and platform errors this emulator raises the way Lambda
 * does: {@value #SANDBOX_TIMEDOUT}, {@value #RUNTIME_EXIT_ERROR}, {@value #REQUEST_TOO_LARGE},
 * {@value #RESPONSE_TOO_LARGE}, {@value #TOO_MANY_REQUESTS}.
 */
public sealed interface InvocationResult permits InvocationResult.Success, InvocationResult.Failure {

    /** The invocation ran past its timeout; the execution environment was killed. */
    String SANDBOX_TIMEDOUT = "Sandbox.Timedout";
    /** The runtime process exited (crash, {@code System.exit}, signal) before answering. */
    String RUNTIME_EXIT_ERROR = "Runtime.ExitError";
    /** The request payload exceeded the synchronous invocation limit; no process saw it. */
    String REQUEST_TOO_LARGE = "Lambda.RequestTooLargeException";
    /** The function's response exceeded the synchronous invocation limit. */
    String RESPONSE_TOO_LARGE = "Function.ResponseSizeTooLarge";
    /**
     * The invocation would have exceeded the function's reserved concurrency; no process saw it. Lambda's synchronous
     * Invoke answers HTTP 429 {@code TooManyRequestsException} (Reason
     * {@code ReservedFunctionConcurrentInvocationLimitExceeded}, message "Rate Exceeded."), and Step Functions'
     * {@code lambda:invoke} integration reports that as this error name
     * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
     */
    String TOO_MANY_REQUESTS = "Lambda.TooManyRequestsException";

    /** The request id the invocation ran under ({@code Lambda-Runtime-Aws-Request-Id}), or null if it never ran. */
    String requestId();

    boolean isSuccess();

    static Success success(String json) {
        return new Success(null, json);
    }

    static Failure failure(String errorType, String errorMessage) {
        return new Failure(null, errorType, errorMessage, List.of());
    }

    /** The JSON the function returned, as a string (exactly the bytes it posted, decoded as UTF-8). */
    record Success(String requestId, String payload) implements InvocationResult {
        public Success {
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public boolean isSuccess() {
            return true;
        }
    }

    /** A function or platform error. {@code stackTrace} is what the runtime sent (one frame a line), possibly empty. */
    record Failure(String requestId, String errorType, String errorMessage, List<String> stackTrace)
            implements InvocationResult {
        public Failure {
            Objects.requireNonNull(errorType, "errorType");
            errorMessage = errorMessage == null ? "" : errorMessage;
            stackTrace = stackTrace == null ? List.of() : List.copyOf(stackTrace);
        }

        @Override
        public boolean isSuccess() {
            return false;
        }

        /**
         * The error document as Lambda returns it to a synchronous caller ({@code {"errorMessage":…,"errorType":…,
         * "stackTrace":[…]}}); Step Functions puts exactly this string into a failed Lambda task's {@code Cause}.
         */
        public String toJson() {
            ObjectMapper json = Json.MAPPER;
            ObjectNode node = json.createObjectNode();
            node.put("errorMessage", errorMessage);
            node.put("errorType", errorType);
            if (!stackTrace.isEmpty()) {
                ArrayNode frames = node.putArray("stackTrace");
                stackTrace.forEach(frames::add);
            }
            return node.toString();
        }
    }
}
