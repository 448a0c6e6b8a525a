package dev.phylo.lambda.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.phylo.lambda.InvocationResult;
import dev.phylo.lambda.RuntimeApiServer;
import dev.phylo.lambda.RuntimeApiServer.InitError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP side of a {@link RuntimeApiServer}: routes each request to its endpoint, answers it, and records it in
 * the {@link ApiCallLog}. The endpoints and their answers are documented on {@link RuntimeApiServer}.
 */
public final class RuntimeApiHandler implements HttpHandler {

    private static final String INVOCATION = RuntimeApiServer.PREFIX + "/invocation/";
    private static final String INIT_ERROR = RuntimeApiServer.PREFIX + "/init/error";

    private final String functionArn;
    private final InvocationQueue invocations;
    private final ApiCallLog calls;
    private final CompletableFuture<Void> firstPoll;
    private final CompletableFuture<InitError> initError;
    private final ResponseSizeLimit responseLimit = new ResponseSizeLimit();

    /**
     * @param firstPoll completed by the first {@code /invocation/next}
     * @param initError completed by {@code /init/error}
     */
    public RuntimeApiHandler(
            String functionArn,
            InvocationQueue invocations,
            ApiCallLog calls,
            CompletableFuture<Void> firstPoll,
            CompletableFuture<InitError> initError) {
        this.functionArn = functionArn;
        this.invocations = invocations;
        this.calls = calls;
        this.firstPoll = firstPoll;
        this.initError = initError;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        long[] bodyBytes = {0};
        try {
            ApiReply reply;
            try {
                reply = dispatch(exchange, method, path, bodyBytes);
            } catch (IOException | RuntimeException e) {
                calls.record(exchange, method, path, -1, bodyBytes[0]);
                throw e;
            }
            if (reply == null) { // interrupted while waiting in /next: the server is going away
                calls.record(exchange, method, path, -1, bodyBytes[0]);
                return;
            }
            calls.record(exchange, method, path, reply.status(), bodyBytes[0]);
            if (reply.complete() != null) {
                reply.complete().run();
            }
            send(exchange, reply);
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, ApiReply reply) throws IOException {
        try {
            Headers h = exchange.getResponseHeaders();
            h.set("Content-Type", "application/json");
            reply.headers().forEach(h::set);
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (IOException e) {
            if (reply.onSendFailure() != null) {
                reply.onSendFailure().run();
            }
            throw e;
        }
    }

    /** The reply to one request, or null if the server is going away; sets {@code bodyBytes[0]} to the body size. */
    private ApiReply dispatch(HttpExchange exchange, String method, String path, long[] bodyBytes) throws IOException {
        if (path.equals(INVOCATION + "next")) {
            if (!method.equals("GET")) {
                return ApiReply.error(405, "MethodNotAllowed", method + " " + path);
            }
            return next();
        }
        if (path.equals(INIT_ERROR) && method.equals("POST")) {
            byte[] body = readBody(exchange);
            bodyBytes[0] = body.length;
            ErrorDocument doc = ErrorDocument.parse(body, errorTypeHeader(exchange));
            InitError error = new InitError(doc.type(), doc.message(), new String(body, StandardCharsets.UTF_8));
            return ApiReply.accepted(() -> initError.complete(error));
        }
        if (path.startsWith(INVOCATION) && method.equals("POST")) {
            String rest = path.substring(INVOCATION.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                String requestId = rest.substring(0, slash);
                String action = rest.substring(slash + 1);
                if (action.equals("response") || action.equals("error")) {
                    byte[] body = readBody(exchange);
                    bodyBytes[0] = body.length;
                    return action.equals("response")
                            ? response(requestId, body)
                            : functionError(requestId, body, errorTypeHeader(exchange));
                }
            }
        }
        return ApiReply.error(404, "NotFound", "Unknown Runtime API path: " + method + " " + path);
    }

    private ApiReply next() {
        firstPoll.complete(null);
        PendingInvocation p;
        try {
            p = invocations.awaitNext();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (p == null) {
            return ApiReply.error(500, "ServiceUnavailable", "Runtime API server closed");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RuntimeApiServer.HEADER_REQUEST_ID, p.requestId());
        headers.put(RuntimeApiServer.HEADER_DEADLINE_MS, Long.toString(p.deadlineEpochMs()));
        headers.put(RuntimeApiServer.HEADER_FUNCTION_ARN, functionArn);
        headers.put(RuntimeApiServer.HEADER_TRACE_ID, p.traceId());
        // If the runtime went away mid-answer, the invocation goes to the next poller (or to failAll on exit).
        return new ApiReply(200, headers, p.payload(), null, () -> invocations.redeliver(p));
    }

    private ApiReply response(String requestId, byte[] body) {
        PendingInvocation p = invocations.claim(requestId);
        if (p == null) {
            return invalidRequestId(requestId);
        }
        if (ResponseSizeLimit.exceeds(body)) {
            return responseLimit.reject(p, body.length);
        }
        InvocationResult success = new InvocationResult.Success(requestId, new String(body, StandardCharsets.UTF_8));
        return ApiReply.accepted(() -> p.result().complete(success));
    }

    private ApiReply functionError(String requestId, byte[] body, String headerType) {
        PendingInvocation p = invocations.claim(requestId);
        if (p == null) {
            // Not in flight: accepted only as the RIC's follow-up to a rejected oversized response.
            return responseLimit.acceptsFollowUpError(requestId)
                    ? ApiReply.accepted(null)
                    : invalidRequestId(requestId);
        }
        ErrorDocument doc = ErrorDocument.parse(body, headerType);
        InvocationResult failure = new InvocationResult.Failure(requestId, doc.type(), doc.message(), doc.stackTrace());
        return ApiReply.accepted(() -> p.result().complete(failure));
    }

    private static ApiReply invalidRequestId(String requestId) {
        return ApiReply.error(400, "InvalidRequestID", "Invalid request ID: \"" + requestId + "\"");
    }

    private static String errorTypeHeader(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst(RuntimeApiServer.HEADER_ERROR_TYPE);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }
}
