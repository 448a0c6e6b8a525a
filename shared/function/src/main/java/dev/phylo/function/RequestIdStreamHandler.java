package dev.phylo.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.quarkus.funqy.lambda.FunqyStreamHandler;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The handler every JVM function names ({@code dev.phylo.function.RequestIdStreamHandler::handleRequest}): Funqy's
 * stream handler, with the invocation's request id in the logging context under {@value #REQUEST_ID} for exactly the
 * length of the call. The JSON console log (quarkus-logging-json) prints the context as {@code "mdc"}, so every line
 * a function logs can be found by request id in CloudWatch Logs Insights ({@code filter mdc.AWSRequestId = "…"}).
 *
 * <p>A native {@code bootstrap} never loads this class: Quarkus's own Lambda poll loop runs there and puts the same
 * key into the same context, so JVM and native lines look alike.
 */
public class RequestIdStreamHandler implements RequestStreamHandler {

    /** The context key, the one Quarkus's native poll loop uses. */
    public static final String REQUEST_ID = "AWSRequestId";

    private final RequestStreamHandler delegate;

    /** What the Lambda runtime calls: starts Quarkus once per execution environment. */
    public RequestIdStreamHandler() {
        this(new FunqyStreamHandler());
    }

    RequestIdStreamHandler(RequestStreamHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        if (requestId == null || requestId.isEmpty()) {
            delegate.handleRequest(input, output, context);
            return;
        }
        MDC.put(REQUEST_ID, requestId);
        try {
            delegate.handleRequest(input, output, context);
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }
}
