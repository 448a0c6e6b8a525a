package dev.phylo.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The Lambda Runtime API (version 2018-06-01) for ONE function process, on 127.0.0.1 and an ephemeral port.
 *
 * <p>The runtime API paths carry no function name, so every execution environment (process) gets its own server;
 * the process finds it through {@code AWS_LAMBDA_RUNTIME_API=}{@link #address()}. Endpoints:
 * <ul>
 *   <li>{@code GET /2018-06-01/runtime/invocation/next}: blocks until {@link #submit} queues an invocation (a runtime
 *       treats an error here as fatal after a few retries, so it must never answer "nothing to do"), then answers 200
 *       with the payload and the {@code Lambda-Runtime-Aws-Request-Id}, {@code Lambda-Runtime-Deadline-Ms} (epoch
 *       ms), {@code Lambda-Runtime-Invoked-Function-Arn} and {@code Lambda-Runtime-Trace-Id} headers.</li>
 *   <li>{@code POST /2018-06-01/runtime/invocation/{id}/response}: 202; completes that invocation with the body.
 *       A body above {@link #MAX_RESPONSE_BYTES} gets 413 and completes the invocation with
 *       {@value InvocationResult#RESPONSE_TOO_LARGE}, as Lambda does.</li>
 *   <li>{@code POST /2018-06-01/runtime/invocation/{id}/error}: 202; completes it as a function error from the
 *       {@code {"errorMessage","errorType","stackTrace"}} body ({@code Lambda-Runtime-Function-Error-Type} is the
 *       fallback error type).</li>
 *   <li>{@code POST /2018-06-01/runtime/init/error}: 202; records an {@link InitError}.</li>
 *   <li>An unknown or already-completed request id: 400 {@code {"errorType":"InvalidRequestID",…}}; any other path:
 *       404.</li>
 * </ul>
 * Every request is recorded ({@link #calls()}) so that what a runtime really sends can be inspected.
 */
public final class RuntimeApiServer implements AutoCloseable {

    public static final String PREFIX = "/2018-06-01/runtime";
    /** Lambda's synchronous response limit as the Runtime API enforces it (6 MB + 100 bytes). */
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

    public static final String HEADER_REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";
    public static final String HEADER_DEADLINE_MS = "Lambda-Runtime-Deadline-Ms";
    public static final String HEADER_FUNCTION_ARN = "Lambda-Runtime-Invoked-Function-Arn";
    public static final String HEADER_TRACE_ID = "Lambda-Runtime-Trace-Id";
    public static final String HEADER_ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";

    private static final String INVOCATION = PREFIX + "/invocation/";
    private static final int MAX_RECORDED_CALLS = 1000;
    private static final AtomicInteger SERVER_IDS = new AtomicInteger();

    /** An init failure the runtime reported through {@code /init/error}. */
    public record InitError(String errorType, String errorMessage, String body) {
    }

    /**
     * One request a runtime made: method, path, response status, the request headers that matter for the protocol
     * (every {@code Lambda-Runtime-*} header plus Content-Type, Content-Length, Transfer-Encoding, Expect,
     * User-Agent; names lower-cased) and the body size.
     */
    public record ApiCall(String method, String path, int status, Map<String, String> headers, long bodyBytes) {
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final String functionArn;
    private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    /** Invocations whose response got 413: the runtime reports that failure to /error next, which is accepted. */
    private final Map<String, Boolean> rejectedResponses = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> firstPoll = new CompletableFuture<>();
    private final CompletableFuture<InitError> initError = new CompletableFuture<>();
    private final Deque<ApiCall> calls = new ArrayDeque<>();
    private volatile boolean closed;

    private RuntimeApiServer(String functionArn) throws IOException {
        this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
        int id = SERVER_IDS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "runtime-api-" + id + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(factory);
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        http.createContext("/", this::handle);
        http.setExecutor(executor);
        http.start();
    }

    /** Starts a server on 127.0.0.1 and an ephemeral port; invocations will carry {@code functionArn}. */
    public static RuntimeApiServer start(String functionArn) throws IOException {
        return new RuntimeApiServer(functionArn);
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return http.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String functionArn() {
        return functionArn;
    }

    /**
     * Queues one invocation for the process's next {@code /next}. The future completes with the function's response
     * or error, or with whatever {@link #complete}/{@link #failAll} decide (timeouts, process exit).
     *
     * @param deadlineEpochMs the {@code Lambda-Runtime-Deadline-Ms} the runtime sees
     */
    public CompletableFuture<InvocationResult> submit(String requestId, byte[] payload, long deadlineEpochMs,
                                                      String traceId) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(payload, "payload");
        Pending p = new Pending(requestId, payload, deadlineEpochMs, traceId == null ? newTraceId() : traceId);
        if (closed) {
            p.result.complete(new InvocationResult.Failure(requestId, InvocationResult.RUNTIME_EXIT_ERROR,
                    "Runtime API server is closed", List.of()));
            return p.result;
        }
        inFlight.put(requestId, p);
        queue.addLast(p);
        return p.result;
    }

    /**
     * Completes an invocation from outside (a timeout, say) and forgets it, so that a late {@code /response} or
     * {@code /error} from the runtime gets 400. Returns false if it had already completed.
     */
    public boolean complete(String requestId, InvocationResult result) {
        Pending p = inFlight.remove(requestId);
        if (p == null) {
            return false;
        }
        queue.remove(p);
        return p.result.complete(result);
    }

    /** Completes every queued or running invocation with {@code reason.apply(requestId)} (the process is gone). */
    public void failAll(Function<String, InvocationResult> reason) {
        for (String id : List.copyOf(inFlight.keySet())) {
            complete(id, reason.apply(id));
        }
    }

    /** Number of invocations submitted and not yet completed. */
    public int pending() {
        return inFlight.size();
    }

    /** Completes when the runtime first calls {@code /invocation/next}: it has finished initialising. */
    public CompletableFuture<Void> firstPoll() {
        return firstPoll;
    }

    /** Completes when the runtime reports {@code /init/error}. */
    public CompletableFuture<InitError> initErrorFuture() {
        return initError;
    }

    public Optional<InitError> initError() {
        return Optional.ofNullable(initError.getNow(null));
    }

    /** The requests made so far (the last 1000), oldest first. */
    public List<ApiCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        failAll(id -> new InvocationResult.Failure(id, InvocationResult.RUNTIME_EXIT_ERROR,
                "Runtime API server closed", List.of()));
        http.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * What to answer, plus what to do about it: {@code complete} runs after the call is recorded and before the
     * answer is sent (so anyone woken by a completed invocation already sees the call in {@link #calls()});
     * {@code onSendFailure} runs if the answer cannot be delivered.
     */
    private record Reply(int status, Map<String, String> headers, byte[] body, Runnable complete,
                         Runnable onSendFailure) {
        static Reply json(int status, String json, Runnable complete) {
            return new Reply(status, Map.of(), json.getBytes(StandardCharsets.UTF_8), complete, null);
        }

        static Reply error(int status, String type, String message) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("errorMessage", message);
            node.put("errorType", type);
            return json(status, node.toString(), null);
        }

        static Reply accepted(Runnable complete) {
            return json(202, "{\"status\":\"OK\"}", complete);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        long[] bodyBytes = {0};
        try {
            Reply reply;
            try {
                reply = dispatch(exchange, method, path, bodyBytes);
            } catch (IOException | RuntimeException e) {
                record(exchange, method, path, -1, bodyBytes[0]);
                throw e;
            }
            if (reply == null) { // interrupted while waiting in /next: the server is going away
                record(exchange, method, path, -1, bodyBytes[0]);
                return;
            }
            record(exchange, method, path, reply.status(), bodyBytes[0]);
            if (reply.complete() != null) {
                reply.complete().run();
            }
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
        } finally {
            exchange.close();
        }
    }

    private Reply dispatch(HttpExchange exchange, String method, String path, long[] bodyBytes) throws IOException {
        if (path.equals(INVOCATION + "next")) {
            if (!method.equals("GET")) {
                return Reply.error(405, "MethodNotAllowed", method + " " + path);
            }
            return next();
        }
        if (path.equals(PREFIX + "/init/error") && method.equals("POST")) {
            byte[] body = readBody(exchange);
            bodyBytes[0] = body.length;
            ErrorDoc doc = parseError(body, exchange.getRequestHeaders().getFirst(HEADER_ERROR_TYPE));
            InitError error = new InitError(doc.type, doc.message, new String(body, StandardCharsets.UTF_8));
            return Reply.accepted(() -> initError.complete(error));
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
                            : functionError(requestId, body, exchange.getRequestHeaders().getFirst(HEADER_ERROR_TYPE));
                }
            }
        }
        return Reply.error(404, "NotFound", "Unknown Runtime API path: " + method + " " + path);
    }

    private Reply next() {
        firstPoll.complete(null);
        Pending p = null;
        try {
            while (p == null) {
                if (closed) {
                    return Reply.error(500, "ServiceUnavailable", "Runtime API server closed");
                }
                p = queue.pollFirst(250, TimeUnit.MILLISECONDS);
                if (p != null && p.result.isDone()) {
                    p = null; // completed from outside (timeout) while queued
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        Pending delivered = p;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_REQUEST_ID, p.requestId);
        headers.put(HEADER_DEADLINE_MS, Long.toString(p.deadlineEpochMs));
        headers.put(HEADER_FUNCTION_ARN, functionArn);
        headers.put(HEADER_TRACE_ID, p.traceId);
        // If the runtime went away mid-answer, the invocation goes to the next poller (or to failAll on exit).
        return new Reply(200, headers, p.payload, null, () -> {
            if (!delivered.result.isDone()) {
                queue.addFirst(delivered);
            }
        });
    }

    private Reply response(String requestId, byte[] body) {
        Pending p = inFlight.remove(requestId);
        if (p == null) {
            return invalidRequestId(requestId);
        }
        if (body.length > MAX_RESPONSE_BYTES) {
            rejectedResponses.put(requestId, Boolean.TRUE);
            InvocationResult tooLarge = new InvocationResult.Failure(requestId, InvocationResult.RESPONSE_TOO_LARGE,
                    "Response payload size (" + body.length + " bytes) exceeded maximum allowed payload size ("
                            + MAX_RESPONSE_BYTES + " bytes).", List.of());
            Reply reply = Reply.error(413, "RequestEntityTooLarge",
                    "Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).");
            return new Reply(reply.status(), reply.headers(), reply.body(), () -> p.result.complete(tooLarge), null);
        }
        InvocationResult success = new InvocationResult.Success(requestId, new String(body, StandardCharsets.UTF_8));
        return Reply.accepted(() -> p.result.complete(success));
    }

    private Reply functionError(String requestId, byte[] body, String headerType) {
        Pending p = inFlight.remove(requestId);
        if (p == null) {
            // After a 413 on /response the Java RIC posts its "Failed to post invocation response" error; Lambda
            // accepts it and still reports Function.ResponseSizeTooLarge, and the runtime carries on polling.
            return rejectedResponses.remove(requestId) != null ? Reply.accepted(null) : invalidRequestId(requestId);
        }
        ErrorDoc doc = parseError(body, headerType);
        InvocationResult failure = new InvocationResult.Failure(requestId, doc.type, doc.message, doc.stackTrace);
        return Reply.accepted(() -> p.result.complete(failure));
    }

    private static Reply invalidRequestId(String requestId) {
        return Reply.error(400, "InvalidRequestID", "Invalid request ID: \"" + requestId + "\"");
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private record ErrorDoc(String type, String message, List<String> stackTrace) {
    }

    private static ErrorDoc parseError(byte[] body, String headerType) {
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
            message = text;
        }
        if (type == null || type.isBlank()) {
            type = headerType == null || headerType.isBlank() ? "Unhandled" : headerType;
        }
        return new ErrorDoc(type, message == null ? "" : message, stack);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    private void record(HttpExchange exchange, String method, String path, int status, long bodyBytes) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("lambda-runtime") || lower.equals("content-type") || lower.equals("content-length")
                    || lower.equals("transfer-encoding") || lower.equals("expect") || lower.equals("user-agent")) {
                headers.put(lower, String.join(",", values));
            }
        });
        synchronized (calls) {
            if (calls.size() == MAX_RECORDED_CALLS) {
                calls.removeFirst();
            }
            calls.addLast(new ApiCall(method, path, status, Map.copyOf(headers), bodyBytes));
        }
    }

    /** An X-Ray style trace header: {@code Root=1-<8 hex epoch s>-<24 hex>;Parent=<16 hex>;Sampled=0}. */
    static String newTraceId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%024x;Parent=%016x;Sampled=0",
                System.currentTimeMillis() / 1000, new java.math.BigInteger(96, r), r.nextLong());
    }

    private static final class Pending {
        final String requestId;
        final byte[] payload;
        final long deadlineEpochMs;
        final String traceId;
        final CompletableFuture<InvocationResult> result = new CompletableFuture<>();

        Pending(String requestId, byte[] payload, long deadlineEpochMs, String traceId) {
            this.requestId = requestId;
            this.payload = payload;
            this.deadlineEpochMs = deadlineEpochMs;
            this.traceId = traceId;
        }
    }
}
