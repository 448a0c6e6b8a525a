package dev.phylo.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.lambda.testfn.FailingInitHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool, timeouts, crashes and limits, with real RIC processes running the test handler. */
class LocalFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private LocalFunctions functions;

    @BeforeEach
    void setUp() {
        functions = new LocalFunctions(tmp.resolve("logs"), TestFunctions.ric(), null, Duration.ofSeconds(2));
    }

    @AfterEach
    void tearDown() {
        functions.close();
    }

    @Test
    void functionErrorCarriesTheExceptionClassAndTheProcessIsReused() throws Exception {
        LocalFunction f = functions.start(TestFunctions.echo("errors").build());

        InvocationResult ok = f.invoke("{}");
        long pid = pid(ok);
        InvocationResult failed = f.invoke("{\"fail\":\"bad genome\"}");

        assertThat(failed).isInstanceOfSatisfying(InvocationResult.Failure.class, e -> {
            assertThat(e.errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(e.errorMessage()).isEqualTo("bad genome");
            assertThat(e.stackTrace()).anyMatch(frame -> frame.contains("TestHandler"));
            assertThat(e.requestId()).isNotBlank();
            assertThat(e.toJson()).contains("\"errorType\":\"java.lang.IllegalStateException\"");
        });
        assertThat(pid(f.invoke("{}"))).isEqualTo(pid);
        assertThat(f.processIds()).containsExactly(pid);
    }

    @Test
    void timeoutKillsTheProcessAndTheNextInvocationGetsAFreshOne() throws Exception {
        LocalFunction f = functions.start(
                TestFunctions.echo("slow").timeout(Duration.ofSeconds(1)).build());
        long firstPid = pid(f.invoke("{}", Duration.ofSeconds(10)));

        long started = System.nanoTime();
        InvocationResult result = f.invoke("{\"sleepMs\":5000}");
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(result).isInstanceOfSatisfying(InvocationResult.Failure.class, e -> {
            assertThat(e.errorType()).isEqualTo("Sandbox.Timedout");
            assertThat(e.errorMessage()).isEqualTo("Task timed out after 1.00 seconds");
        });
        assertThat(elapsedMs).isBetween(900L, 4000L);
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();

        long secondPid = pid(f.invoke("{}", Duration.ofSeconds(10)));
        assertThat(secondPid).isNotEqualTo(firstPid);
        assertThat(f.processIds()).containsExactly(secondPid);
    }

    @Test
    void exitDuringAnInvocationIsARuntimeExitErrorWithTheLogTail() throws Exception {
        LocalFunction f = functions.start(TestFunctions.echo("exits").build());
        long firstPid = pid(f.invoke("{}"));

        InvocationResult result = f.invoke("{\"exit\":3}");

        assertThat(result).isInstanceOfSatisfying(InvocationResult.Failure.class, e -> {
            assertThat(e.errorType()).isEqualTo("Runtime.ExitError");
            assertThat(e.errorMessage())
                    .contains("Runtime exited with error: exit status 3")
                    .contains("exiting with 3");
        });
        long secondPid = pid(f.invoke("{}"));
        assertThat(secondPid).isNotEqualTo(firstPid);
        assertThat(Files.readString(tmp.resolve("logs/exits.log")))
                .contains("[exits#1] exiting with 3", "[exits#1] [phylo] pid " + firstPid + " exited: exit status 3");
    }

    @Test
    void aProcessKilledFromOutsideFailsItsInvocation() throws Exception {
        LocalFunction f = functions.start(TestFunctions.echo("victim").build());
        f.prewarm(1);
        CompletableFuture<InvocationResult> running =
                CompletableFuture.supplyAsync(() -> f.invoke("{\"sleepMs\":8000}"));
        waitUntil(() ->
                f.busyCount() == 1 && !f.processes().get(0).server().calls().isEmpty());
        Thread.sleep(300); // let the runtime pick the invocation up

        OptionalLong killed = f.killBusyProcess();

        assertThat(killed).isPresent();
        InvocationResult result = running.get(10, TimeUnit.SECONDS);
        assertThat(result).isInstanceOfSatisfying(InvocationResult.Failure.class, e -> {
            assertThat(e.errorType()).isEqualTo("Runtime.ExitError");
            assertThat(e.errorMessage()).contains("signal: killed (exit code 137)");
        });
        assertThat(f.invoke("{}").isSuccess()).isTrue();
    }

    @Test
    void aPoolOfTwoRunsTwoSleepsConcurrentlyAndNeverMoreThanTwoProcesses() throws Exception {
        LocalFunction f =
                functions.start(TestFunctions.echo("pool").concurrency(2).build());
        f.prewarm(2);
        assertThat(f.processIds()).hasSize(2);

        long started = System.nanoTime();
        CompletableFuture<InvocationResult> a = CompletableFuture.supplyAsync(() -> f.invoke("{\"sleepMs\":2000}"));
        CompletableFuture<InvocationResult> b = CompletableFuture.supplyAsync(() -> f.invoke("{\"sleepMs\":2000}"));
        Set<Long> pids = Set.of(pid(a.get(20, TimeUnit.SECONDS)), pid(b.get(20, TimeUnit.SECONDS)));
        long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(pids).hasSize(2);
        assertThat(wallMs).isBetween(2000L, 3800L); // one after the other would be >= 4000

        // Four at once on two processes: two rounds, still two processes.
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(CompletableFuture.runAsync(() -> {
                seen.addAll(f.processIds());
                seen.add(pidUnchecked(f.invoke("{\"sleepMs\":500}")));
                seen.addAll(f.processIds());
            }));
        }
        CompletableFuture.allOf(four.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(seen).isEqualTo(pids);
    }

    @Test
    void beyondItsReservedConcurrencyAnInvocationIsThrottledBeforeAnyProcessSeesIt() throws Exception {
        // Two local processes, one reserved execution: the limit is the reservation, not this machine.
        LocalFunction f = functions.start(TestFunctions.echo("reserved")
                .concurrency(2)
                .reservedConcurrency(1)
                .build());
        f.prewarm(2);
        assertThat(f.processIds()).hasSize(2);

        List<InvocationResult> results = invokeTogether(f, "{\"sleepMs\":2000}", 2);

        assertThat(results).filteredOn(InvocationResult::isSuccess).hasSize(1);
        assertThat(results)
                .filteredOn(r -> !r.isSuccess())
                .singleElement()
                .isInstanceOfSatisfying(InvocationResult.Failure.class, e -> {
                    assertThat(e.errorType()).isEqualTo("Lambda.TooManyRequestsException");
                    assertThat(e.errorMessage())
                            .startsWith("Rate Exceeded.")
                            .contains("reserved: 1 concurrent executions reserved, 1 in flight");
                    assertThat(e.requestId()).as("it never ran").isNull();
                });
        assertThat(invocationsDelivered(f))
                .as("invocations any process received")
                .isEqualTo(1);
        assertThat(f.inFlightCount()).isZero();
        // the reserved execution is free again
        assertThat(f.invoke("{}").isSuccess()).isTrue();
        assertThat(invocationsDelivered(f)).isEqualTo(2);
    }

    @Test
    void aReservedConcurrencyOfZeroThrottlesEveryInvocationAndStartsNoProcess() {
        LocalFunction f = functions.start(
                TestFunctions.echo("stopped").reservedConcurrency(0).build());

        for (int i = 0; i < 3; i++) {
            assertThat(f.invoke("{}")).isInstanceOfSatisfying(InvocationResult.Failure.class, e -> {
                assertThat(e.errorType()).isEqualTo("Lambda.TooManyRequestsException");
                assertThat(e.errorMessage())
                        .isEqualTo("Rate Exceeded. (stopped: 0 concurrent executions reserved, 0 in flight; "
                                + "Reason: ReservedFunctionConcurrentInvocationLimitExceeded)");
            });
        }
        assertThat(f.processIds()).isEmpty();
        assertThat(f.inFlightCount()).isZero();
    }

    @Test
    void anUnreservedFunctionQueuesForItsProcessesAndIsNeverThrottled() throws Exception {
        LocalFunction f = functions.start(TestFunctions.echo("unreserved").build());
        f.prewarm(1);

        long started = System.nanoTime();
        List<InvocationResult> results = invokeTogether(f, "{\"sleepMs\":1000}", 3);
        long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(results).allMatch(InvocationResult::isSuccess, "succeeded");
        Set<Long> pids = new HashSet<>();
        for (InvocationResult r : results) {
            pids.add(pid(r));
        }
        assertThat(pids).as("one process, one invocation after the other").hasSize(1);
        assertThat(wallMs).isGreaterThanOrEqualTo(3000L);
    }

    @Test
    void aNegativeReservedConcurrencyIsRejectedWithTheValue() {
        assertThatThrownBy(() ->
                        TestFunctions.echo("negative").reservedConcurrency(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reservedConcurrency must be >= 0")
                .hasMessageContaining("-1");
        assertThat(TestFunctions.echo("unset").build().reservedConcurrency()).isEmpty();
    }

    @Test
    void payloadsAboveSixMegabytesFailLikeLambda() throws Exception {
        LocalFunction f = functions.start(TestFunctions.echo("sizes").build());

        String tooBig = "\"" + "x".repeat(LocalFunction.MAX_REQUEST_BYTES) + "\"";
        InvocationResult request = f.invoke(tooBig);
        assertThat(request)
                .isInstanceOfSatisfying(
                        InvocationResult.Failure.class,
                        e -> assertThat(e.errorType()).isEqualTo("Lambda.RequestTooLargeException"));
        assertThat(f.processIds()).isEmpty();

        long pid = pid(f.invoke("{}"));
        InvocationResult response = f.invoke("{\"responseBytes\":7000000}");
        assertThat(response).isInstanceOfSatisfying(InvocationResult.Failure.class, e -> {
            assertThat(e.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
            assertThat(e.errorMessage()).contains("7000000 bytes");
        });
        // The runtime got a 413, logged it, and went back to polling: the environment survives.
        assertThat(pid(f.invoke("{}"))).isEqualTo(pid);

        InvocationResult large = f.invoke("{\"responseBytes\":6000000}");
        assertThat(large)
                .isInstanceOfSatisfying(
                        InvocationResult.Success.class,
                        s -> assertThat(s.payload()).hasSize(6_000_000));
    }

    @Test
    void anInitErrorFailsTheInvocationWithItsType() {
        LocalFunction f = functions.start(TestFunctions.echo("initfail")
                .handler(FailingInitHandler.class.getName() + "::handleRequest")
                .build());

        InvocationResult result = f.invoke("{}");

        assertThat(result).isInstanceOfSatisfying(InvocationResult.Failure.class, e -> {
            assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(e.errorMessage()).contains("boom during init");
        });
        assertThat(f.processIds()).isEmpty();
    }

    @Test
    void jsonNodePayloads() throws Exception {
        LocalFunction f = functions.start(TestFunctions.echo("json").build());
        JsonNode payload = JSON.readTree("{\"runId\":\"r1\",\"generation\":0,\"batch\":7}");

        InvocationResult result = f.invoke(payload, Duration.ofSeconds(10));

        JsonNode body = JSON.readTree(((InvocationResult.Success) result).payload());
        assertThat(body.get("input")).isEqualTo(payload);
    }

    @Test
    void closeStopsEveryProcessIncludingBusyOnes() throws Exception {
        LocalFunction a = functions.start(TestFunctions.echo("a").concurrency(2).build());
        LocalFunction b = functions.start(TestFunctions.echo("b").build());
        a.prewarm(2);
        b.prewarm(1);
        CompletableFuture<InvocationResult> running =
                CompletableFuture.supplyAsync(() -> b.invoke("{\"sleepMs\":30000}", Duration.ofSeconds(60)));
        waitUntil(() -> b.busyCount() == 1);
        List<Long> pids = functions.processIds();
        assertThat(pids).hasSize(3);
        Set<Long> children =
                ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        assertThat(children).containsAll(pids);

        long started = System.nanoTime();
        functions.close();
        long closeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pid %d", pid)
                    .isFalse();
        }
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(ProcessHandle::isAlive)
                        .map(ProcessHandle::pid))
                .doesNotContainAnyElementsOf(pids);
        assertThat(running.get(10, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(
                        InvocationResult.Failure.class,
                        e -> assertThat(e.errorType()).isEqualTo("Runtime.ExitError"));
        assertThat(closeMs).isLessThan(5000);
        assertThat(functions.processIds()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Starts {@code count} invocations at the same moment, each on its own thread, and returns their results. */
    private static List<InvocationResult> invokeTogether(LocalFunction f, String payload, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<InvocationResult>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return f.invoke(payload);
                }));
            }
            go.countDown();
            List<InvocationResult> results = new ArrayList<>();
            for (Future<InvocationResult> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** How many invocations the function's processes were handed ({@code /invocation/next} answered 200). */
    private static long invocationsDelivered(LocalFunction f) {
        return f.processes().stream()
                .flatMap(p -> p.server().calls().stream())
                .filter(c -> c.method().equals("GET") && c.path().endsWith("/invocation/next") && c.status() == 200)
                .count();
    }

    private static long pid(InvocationResult result) throws Exception {
        assertThat(result).as("result %s", result).isInstanceOf(InvocationResult.Success.class);
        return JSON.readTree(((InvocationResult.Success) result).payload())
                .get("pid")
                .asLong();
    }

    private static long pidUnchecked(InvocationResult result) {
        try {
            return pid(result);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(20);
        }
    }
}
