package dev.phylo.lambda.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.phylo.lambda.RuntimeApiServer.ApiCall;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The requests a Runtime API server has answered (the last 1000), so that what a runtime really sends can be
 * inspected. Only the request headers that matter for the protocol are kept. Thread-safe.
 */
public final class ApiCallLog {

    private static final int MAX_RECORDED_CALLS = 1000;

    private final Deque<ApiCall> calls = new ArrayDeque<>();

    /** The recorded calls, oldest first. */
    public List<ApiCall> snapshot() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Records one request; {@code status} is -1 if no answer was sent. */
    void record(HttpExchange exchange, String method, String path, int status, long bodyBytes) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("lambda-runtime")
                    || lower.equals("content-type")
                    || lower.equals("content-length")
                    || lower.equals("transfer-encoding")
                    || lower.equals("expect")
                    || lower.equals("user-agent")) {
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
}
