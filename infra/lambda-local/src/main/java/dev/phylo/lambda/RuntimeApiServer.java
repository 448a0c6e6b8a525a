package dev.phylo.lambda;

import com.sun.net.httpserver.HttpServer;
import dev.phylo.lambda.internal.ApiCallLog;
import dev.phylo.lambda.internal.InvocationQueue;
import dev.phylo.lambda.internal.RuntimeApiHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
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

    private static final AtomicInteger SERVER_IDS = new AtomicInteger();

    /** An init failure the runtime reported through {@code /init/error}. */
    public record InitError(String errorType, String errorMessage, String body) {}

    /**
     * One request a runtime made: method, path, response status, the request headers that matter for the protocol
     * (every {@code Lambda-Runtime-*} header plus Content-Type, Content-Length, Transfer-Encoding, Expect,
     * User-Agent; names lower-cased) and the body size.
     */
    public record ApiCall(String method, String path, int status, Map<String, String> headers, long bodyBytes) {}

    private final HttpServer http;
    private final ExecutorService executor;
    private final String functionArn;
    private final InvocationQueue invocations = new InvocationQueue();
    private final ApiCallLog calls = new ApiCallLog();
    private final CompletableFuture<Void> firstPoll = new CompletableFuture<>();
    private final CompletableFuture<InitError> initError = new CompletableFuture<>();

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
        http.createContext("/", new RuntimeApiHandler(functionArn, invocations, calls, firstPoll, initError));
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
     * @param traceId         the {@code Lambda-Runtime-Trace-Id} the runtime sees; null for a fresh X-Ray style one
     */
    public CompletableFuture<InvocationResult> submit(
            String requestId, byte[] payload, long deadlineEpochMs, String traceId) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(payload, "payload");
        return invocations.submit(requestId, payload, deadlineEpochMs, traceId);
    }

    /**
     * Completes an invocation from outside (a timeout, say) and forgets it, so that a late {@code /response} or
     * {@code /error} from the runtime gets 400. Returns false if it had already completed.
     */
    public boolean complete(String requestId, InvocationResult result) {
        return invocations.complete(requestId, result);
    }

    /** Completes every queued or running invocation with {@code reason.apply(requestId)} (the process is gone). */
    public void failAll(Function<String, InvocationResult> reason) {
        invocations.failAll(reason);
    }

    /** Number of invocations submitted and not yet completed. */
    public int pending() {
        return invocations.size();
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
        return calls.snapshot();
    }

    /** Fails every pending invocation with {@value InvocationResult#RUNTIME_EXIT_ERROR} and stops listening. */
    @Override
    public void close() {
        if (!invocations.close()) {
            return;
        }
        failAll(id -> new InvocationResult.Failure(
                id, InvocationResult.RUNTIME_EXIT_ERROR, "Runtime API server closed", List.of()));
        http.stop(0);
        executor.shutdownNow();
    }
}
