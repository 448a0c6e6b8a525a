package dev.phylo.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.lambda.testfn.FailingInitHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real RIC process against its own Runtime API server. */
class FunctionProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void echoRoundTripHonoursRequestIdDeadlineAndEnvironment() throws Exception {
        List<String> forwarded = new CopyOnWriteArrayList<>();
        FunctionConfig config = TestFunctions.echo("echo")
                .env("PHYLO_TEST_VALUE", "hello")
                .region("eu-west-1")
                .build();
        Path logFile = tmp.resolve("logs/echo.log");
        try (FunctionLog log = FunctionLog.open(logFile, forwarded::add);
                FunctionProcess process = FunctionProcess.start(config, 1, TestFunctions.ric(), log)) {
            process.awaitReady(Duration.ofSeconds(60));
            assertThat(process.startupTime()).isPresent();
            System.out.println("RIC test-handler process ready in "
                    + process.startupTime().get().toMillis() + " ms");

            InvocationResult result = process.invoke(
                    "req-123",
                    "{\"a\":1,\"print\":\"printed by handler\"}".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(8));

            assertThat(result).isInstanceOf(InvocationResult.Success.class);
            assertThat(result.requestId()).isEqualTo("req-123");
            JsonNode body = JSON.readTree(((InvocationResult.Success) result).payload());
            assertThat(body.get("input").get("a").asInt()).isEqualTo(1);
            assertThat(body.get("requestId").asText()).isEqualTo("req-123");
            assertThat(body.get("remainingMs").asLong()).isBetween(5_000L, 8_000L);
            assertThat(body.get("functionName").asText()).isEqualTo("echo");
            assertThat(body.get("functionVersion").asText()).isEqualTo("$LATEST");
            assertThat(body.get("memoryLimitMb").asInt()).isEqualTo(256);
            assertThat(body.get("arn").asText()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:echo");
            assertThat(body.get("pid").asLong()).isEqualTo(process.pid());
            assertThat(body.get("maxHeapMb").asLong()).isBetween(150L, 205L); // -Xmx204m = 80% of 256 MB
            assertThat(body.get("custom").asText()).isEqualTo("hello");
            assertThat(body.get("region").asText()).isEqualTo("eu-west-1");
            assertThat(body.get("taskRoot").asText())
                    .isEqualTo(TestFunctions.testClasses().toString());
            assertThat(body.get("traceId").asText()).startsWith("Root=1-");
            assertThat(body.get("home").asText()).isEqualTo("null"); // clean environment

            // What the RIC sent: GET /next (blocking), then POST /response with a Content-Length body.
            List<RuntimeApiServer.ApiCall> calls = process.server().calls();
            calls.forEach(c -> System.out.println("RIC call: " + c));
            assertThat(calls)
                    .extracting(c -> c.method() + " " + c.path())
                    .startsWith(
                            "GET /2018-06-01/runtime/invocation/next",
                            "POST /2018-06-01/runtime/invocation/req-123/response");
            RuntimeApiServer.ApiCall response = calls.get(1);
            assertThat(response.status()).isEqualTo(202);
            assertThat(response.headers()).containsKey("content-length").doesNotContainKey("transfer-encoding");
            assertThat(response.headers()).doesNotContainKey("lambda-runtime-function-response-mode");
        }
        assertThat(forwarded).contains("[echo#1] printed by handler");
        assertThat(Files.readString(logFile)).contains("[echo#1] printed by handler");
        // Lambda's REPORT line; a JVM's peak resident memory is tens of megabytes at least, and below the machine's
        assertThat(forwarded)
                .filteredOn(line -> line.startsWith("[echo#1] [phylo] REPORT RequestId: req-123 Duration: "))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line).contains(" ms Memory Size: 256 MB Max Memory Used: ");
                    long peak = Long.parseLong(line.replaceAll(".*Max Memory Used: (\\d+) MB$", "$1"));
                    assertThat(peak).isBetween(20L, Runtime.getRuntime().maxMemory() / 1_048_576 + 64_000);
                });
    }

    @Test
    void functionErrorsArriveOnTheErrorPathWithTheRicsHeaders() {
        try (FunctionProcess process =
                FunctionProcess.start(TestFunctions.echo("errs").build(), 1, TestFunctions.ric(), null)) {
            process.awaitReady(Duration.ofSeconds(60));
            InvocationResult result = process.invoke(
                    "e-1", "{\"fail\":\"nope\"}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
            assertThat(result)
                    .isInstanceOfSatisfying(
                            InvocationResult.Failure.class,
                            f -> assertThat(f.errorType()).isEqualTo("java.lang.IllegalStateException"));

            RuntimeApiServer.ApiCall error = process.server().calls().stream()
                    .filter(c -> c.path().endsWith("/e-1/error"))
                    .findFirst()
                    .orElseThrow();
            System.out.println("RIC error call: " + error);
            assertThat(error.status()).isEqualTo(202);
            assertThat(error.headers())
                    .containsEntry("lambda-runtime-function-error-type", "Runtime.UserException")
                    .containsKey("lambda-runtime-function-xray-error-cause")
                    .doesNotContainKey("transfer-encoding");
        }
    }

    @Test
    void initErrorIsReportedWithTheExceptionType() {
        FunctionConfig config = TestFunctions.echo("broken")
                .handler(FailingInitHandler.class.getName() + "::handleRequest")
                .build();
        try (FunctionProcess process = FunctionProcess.start(config, 1, TestFunctions.ric(), null)) {
            assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(60)))
                    .isInstanceOfSatisfying(FunctionStartException.class, e -> {
                        System.out.println("init error: " + e.getMessage());
                        assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException");
                        assertThat(e.getMessage()).contains("boom during init");
                    });
            assertThat(process.awaitExit(Duration.ofSeconds(10))).isTrue();
            System.out.println(
                    "RIC calls after an init error: " + process.server().calls());
            assertThat(process.server().calls())
                    .extracting(RuntimeApiServer.ApiCall::path)
                    .contains("/2018-06-01/runtime/init/error");
        }
    }

    @Test
    void missingHandlerClassFailsEveryInvocationLikeLambda() {
        // The RIC does not treat an unloadable handler as an init error: it polls /next and answers each
        // invocation with the class-loading error (Lambda shows the same thing).
        FunctionConfig config = TestFunctions.echo("nohandler")
                .handler("no.such.Handler::handleRequest")
                .build();
        try (FunctionProcess process = FunctionProcess.start(config, 1, TestFunctions.ric(), null)) {
            process.awaitReady(Duration.ofSeconds(60));
            InvocationResult result = process.invoke("{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
            assertThat(result).isInstanceOfSatisfying(InvocationResult.Failure.class, f -> {
                System.out.println("missing handler: " + f.toJson());
                assertThat(f.errorType()).isEqualTo("java.lang.ClassNotFoundException");
                assertThat(f.errorMessage()).contains("no.such.Handler");
            });
            assertThat(process.isAlive()).isTrue();
        }
    }

    @Test
    void commandUsesRicFirstAndLambdaJvmDefaults() {
        FunctionConfig config = TestFunctions.echo("cmd").memoryMb(1024).build();
        List<String> cmd = FunctionProcess.command(config, TestFunctions.ric());
        assertThat(cmd).contains("-Xmx819m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        assertThat(cmd.get(cmd.size() - 2)).isEqualTo(RicClasspath.MAIN_CLASS);
        String cp = cmd.get(cmd.indexOf("-cp") + 1);
        assertThat(cp)
                .startsWith(TestFunctions.ric().entries().get(0).toString())
                .endsWith(TestFunctions.testClasses().toString());

        FunctionConfig tuned = TestFunctions.echo("cmd")
                .env("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=4")
                .jvmOptions(List.of("-XX:+UseParallelGC", "-Xmx300m"))
                .build();
        List<String> tunedCmd = FunctionProcess.command(tuned, TestFunctions.ric());
        assertThat(tunedCmd)
                .doesNotContain("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx204m")
                .contains("-XX:+UseParallelGC", "-Xmx300m");
    }
}
