package dev.phylo.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Runtime API protocol, spoken by hand. */
class RuntimeApiServerTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:f";

    private RuntimeApiServer server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void setUp() throws Exception {
        server = RuntimeApiServer.start(ARN);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void listensOnLoopbackWithAnEphemeralPort() {
        assertThat(server.address()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(server.port()).isPositive();
    }

    @Test
    void nextBlocksUntilAnInvocationIsQueuedThenCarriesTheLambdaHeaders() throws Exception {
        CompletableFuture<HttpResponse<String>> next =
                http.sendAsync(get("/invocation/next"), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500);
        assertThat(next).isNotDone();
        assertThat(server.firstPoll()).isDone();

        long deadline = System.currentTimeMillis() + 30_000;
        CompletableFuture<InvocationResult> result =
                server.submit("id-1", "{\"x\":1}".getBytes(StandardCharsets.UTF_8), deadline, "Root=1-abc");

        HttpResponse<String> response = next.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"x\":1}");
        assertThat(response.headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
                .contains("id-1");
        assertThat(response.headers().firstValue("Lambda-Runtime-Deadline-Ms")).contains(Long.toString(deadline));
        assertThat(response.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .contains(ARN);
        assertThat(response.headers().firstValue("Lambda-Runtime-Trace-Id")).contains("Root=1-abc");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(result).isNotDone();

        HttpResponse<String> posted =
                http.send(post("/invocation/id-1/response", "{\"ok\":true}"), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(result.get(1, TimeUnit.SECONDS)).isEqualTo(new InvocationResult.Success("id-1", "{\"ok\":true}"));

        // The same id again: it is no longer known.
        HttpResponse<String> again =
                http.send(post("/invocation/id-1/response", "{}"), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("\"errorType\":\"InvalidRequestID\"");
    }

    @Test
    void errorCompletesAsAFunctionErrorWithHeaderFallback() throws Exception {
        CompletableFuture<InvocationResult> first = server.submit("e1", "{}".getBytes(), Long.MAX_VALUE, null);
        CompletableFuture<InvocationResult> second = server.submit("e2", "{}".getBytes(), Long.MAX_VALUE, null);
        assertThat(http.send(get("/invocation/next"), HttpResponse.BodyHandlers.ofString())
                        .headers()
                        .firstValue("Lambda-Runtime-Trace-Id")
                        .orElseThrow())
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};" + "Parent=[0-9a-f]{16};Sampled=0");
        http.send(get("/invocation/next"), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> r1 = http.send(
                post(
                        "/invocation/e1/error",
                        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[\"a.B.c(B.java:1)\"]}"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> r2 = http.send(
                HttpRequest.newBuilder(uri("/invocation/e2/error"))
                        .header("Lambda-Runtime-Function-Error-Type", "Runtime.Unknown")
                        .POST(HttpRequest.BodyPublishers.ofString("not json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r1.statusCode()).isEqualTo(202);
        assertThat(r2.statusCode()).isEqualTo(202);
        assertThat(first.get(1, TimeUnit.SECONDS))
                .isEqualTo(new InvocationResult.Failure(
                        "e1", "java.lang.RuntimeException", "boom", java.util.List.of("a.B.c(B.java:1)")));
        assertThat(second.get(1, TimeUnit.SECONDS))
                .isEqualTo(new InvocationResult.Failure("e2", "Runtime.Unknown", "not json", java.util.List.of()));
    }

    @Test
    void initErrorIsRecorded() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri("/init/error"))
                        .header("Lambda-Runtime-Function-Error-Type", "Runtime.BadFunctionCode")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"no\",\"errorType\":\"x.Y\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(server.initError()).hasValueSatisfying(e -> {
            assertThat(e.errorType()).isEqualTo("x.Y");
            assertThat(e.errorMessage()).isEqualTo("no");
        });
    }

    @Test
    void unknownRequestIdsAndPathsAreRejected() throws Exception {
        HttpResponse<String> unknown =
                http.send(post("/invocation/nope/error", "{}"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> path =
                http.send(post("/invocation/nope/other", "{}"), HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("InvalidRequestID");
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(server.calls()).extracting(RuntimeApiServer.ApiCall::status).containsExactly(400, 404);
    }

    @Test
    void anInvocationCompletedFromOutsideWhileQueuedIsNeverDelivered() throws Exception {
        CompletableFuture<InvocationResult> result = server.submit("t1", "{}".getBytes(), Long.MAX_VALUE, null);
        assertThat(server.complete("t1", InvocationResult.failure("Sandbox.Timedout", "late")))
                .isTrue();
        assertThat(result.get()).isInstanceOf(InvocationResult.Failure.class);

        CompletableFuture<HttpResponse<String>> next =
                http.sendAsync(get("/invocation/next"), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(400);
        assertThat(next).isNotDone();
        server.submit("t2", "{}".getBytes(), Long.MAX_VALUE, null);
        assertThat(next.get(5, TimeUnit.SECONDS).headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
                .contains("t2");
        assertThat(server.pending()).isEqualTo(1);
    }

    private URI uri(String path) {
        return URI.create("http://" + server.address() + "/2018-06-01/runtime" + path);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
