package dev.phylo.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.quarkus.funqy.lambda.FunqyStreamHandler;
import io.quarkus.funqy.runtime.ApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.jboss.logging.MDC;

/**
 * The handler every JVM function names ({@code dev.phylo.function.LambdaHandler::handleRequest}): Funqy's stream
 * handler, with two things added.
 * <ul>
 *   <li><b>The request id in every log line.</b> The invocation's request id is in the logging context under
 *       {@value #REQUEST_ID} for exactly the length of the call. The JSON console log (quarkus-logging-json) prints
 *       the context as {@code "mdc"}, so every line of an invocation can be found in CloudWatch Logs Insights
 *       ({@code filter mdc.AWSRequestId = "…"}).</li>
 *   <li><b>The function's own error type.</b> Funqy wraps whatever a {@code @Funq} method throws in its
 *       {@code ApplicationException}, so Lambda would report that one type for every failure and a state machine's
 *       {@code Catch} could not tell a bad request from a bug. This handler rethrows the function's exception
 *       itself, and turns a request Jackson cannot read into the field it names into an
 *       {@link InvalidRequestException}. Lambda then reports {@code errorType}
 *       {@value InvalidRequestException#ERROR_TYPE} for every bad request (docs/architecture.md, "Errors").</li>
 * </ul>
 *
 * <p>A native {@code bootstrap} never loads this class: Quarkus's own Lambda poll loop runs there. It puts the same
 * key into the same logging context, but reports every function error as Funqy's {@code ApplicationException}, with
 * the function's exception class at the start of {@code errorMessage}.
 */
public class LambdaHandler implements RequestStreamHandler {

    /** The context key, the one Quarkus's native poll loop uses. */
    public static final String REQUEST_ID = "AWSRequestId";

    private final RequestStreamHandler delegate;

    static {
        // a local run's function process halts when its runner is gone (a no-op on Lambda)
        RunnerWatch.start(System.getenv(), () -> Runtime.getRuntime().halt(137));
    }

    /** What the Lambda runtime calls: starts Quarkus once per execution environment. */
    public LambdaHandler() {
        this(new FunqyStreamHandler());
    }

    LambdaHandler(RequestStreamHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        boolean tagged = requestId != null && !requestId.isEmpty();
        if (tagged) {
            MDC.put(REQUEST_ID, requestId);
        }
        try {
            delegate.handleRequest(input, output, context);
        } catch (ApplicationException e) {
            throw unwrapped(e);
        } catch (IOException | IllegalArgumentException e) {
            // Funqy's reader of plain requests lets Jackson's exception through; its reader of AWS events wraps it in
            // an IllegalArgumentException ("Could not deserialize the provided message.").
            JsonProcessingException unreadable = unreadableRequest(e);
            if (unreadable != null) {
                throw new InvalidRequestException(
                        "the request does not fit this function's input" + field(unreadable) + ": "
                                + unreadable.getOriginalMessage() + location(unreadable),
                        e);
            }
            throw e;
        } finally {
            if (tagged) {
                MDC.remove(REQUEST_ID);
            }
        }
    }

    /** The exception the function threw; Funqy's wrapper only when there is no unchecked one inside. */
    private static RuntimeException unwrapped(ApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException thrown ? thrown : e;
    }

    /**
     * Jackson's exception when it failed while reading the request (not while writing the response) for a reason in
     * the request: bad JSON, a value of the wrong type, or a request type's constructor refusing a value; else null.
     * A type Jackson cannot bind at all ({@link InvalidDefinitionException}) is a bug, not a bad request. An exception
     * the function itself throws never gets here: Funqy wraps it in {@code ApplicationException}.
     */
    private static JsonProcessingException unreadableRequest(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json.getProcessor() instanceof JsonParser && !(json instanceof InvalidDefinitionException)
                        ? json
                        : null;
            }
        }
        return null;
    }

    /** {@code " at field 'symbols[0]'"}: where in the request Jackson failed, when it knows. */
    private static String field(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : " at field '" + path + "'";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }
}
