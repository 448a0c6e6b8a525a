package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Step Functions quotas the local runner reproduces (docs/architecture.md, "Fan-out"). */
class LimitsTest {

    private static String items(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(i);
        }
        return b.append(']').toString();
    }

    @Test
    void inlineMapRunsAtMost40IterationsAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        CountDownLatch wave = new CountDownLatch(40);
        Asl.Functions fns = new Asl.Functions().on("f", p -> {
            maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                wave.countDown();
                wave.await(10, TimeUnit.SECONDS);
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new TaskFailedException("Interrupted", "");
            } finally {
                inFlight.decrementAndGet();
            }
            return p;
        });
        String def = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 0,
          "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf", "End": true}}},
          "End": true}}}
        """.formatted(FN);
        ExecutionResult r = Asl.run(def, items(100), fns, Asl.options().withMaxParallelism(64));
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json(items(100)));
        assertThat(maxSeen.get()).isEqualTo(40);
    }

    @Test
    void maxParallelismCapsTheThreadsOfAMap() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        Asl.Functions fns = new Asl.Functions().on("f", p -> {
            maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                throw new TaskFailedException("Interrupted", "");
            } finally {
                inFlight.decrementAndGet();
            }
            return p;
        });
        String def = """
        {"StartAt": "M", "States": {"M": {"Type": "Map",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf", "End": true}}},
          "End": true}}}
        """.formatted(FN);
        ExecutionResult r = Asl.run(def, items(50), fns, Asl.options().withMaxParallelism(2));
        assertThat(r.succeeded()).isTrue();
        assertThat(maxSeen.get()).isBetween(1, 2);
    }

    @Test
    void anInlineMapThatOverflowsTheHistoryFailsTheExecution() {
        // 4 events per iteration (MapIterationStarted, PassStateEntered/Exited, MapIterationSucceeded)
        String def = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1,
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
        """;
        Execution e = Asl.start(def, items(7000), new Asl.Functions(), Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("25000");
        assertThat(e.history()).hasSize(25_000);
        assertThat(e.history().get(24_999).type()).isEqualTo("ExecutionFailed");
    }

    /** Item 1 runs for up to 10 s (until interrupted); the others answer at once. */
    private static Asl.Functions oneSlowItem(long slowMillis) {
        return new Asl.Functions().on("f", p -> {
            if (p.asInt() == 1) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    throw new TaskFailedException("Interrupted", "");
                }
            }
            return p;
        });
    }

    private static String distributedOver(String executionType, String extra) {
        return """
        {"StartAt": "M", "States": {"M": {"Type": "Map", %s
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "%s"},
            "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf", "End": true}}},
          "End": true}}}
        """.formatted(extra, executionType, FN);
    }

    @Test
    void anExpressChildPastTheDurationLimitTimesOutAndFailsOnlyItsItemWithinTheTolerance() {
        long t0 = System.nanoTime();
        ExecutionResult r = Asl.run(
                distributedOver("EXPRESS", "\"ToleratedFailureCount\": 1,"),
                "[0, 1, 2]",
                oneSlowItem(10_000),
                Asl.options().withExpressDurationLimit(Duration.ofMillis(200)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().get(0)).isEqualTo(json("0"));
        assertThat(r.output().get(1).get("Error").asText()).isEqualTo("States.Timeout");
        assertThat(r.output().get(1).get("Cause").asText())
                .contains("state \"M\"")
                .contains("200 ms an EXPRESS execution may run");
        assertThat(r.output().get(2)).isEqualTo(json("2"));
    }

    @Test
    void anExpressChildPastTheDurationLimitFailsTheMapWithoutTolerance() {
        ExecutionResult r = Asl.run(
                distributedOver("EXPRESS", ""),
                "[0, 1, 2]",
                oneSlowItem(10_000),
                Asl.options().withExpressDurationLimit(Duration.ofMillis(200)));
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(r.cause())
                .contains("1 of 3 items failed")
                .contains("at item 1")
                .contains("States.Timeout");
    }

    @Test
    void standardChildrenAreNotHeldToTheExpressDurationLimit() {
        ExecutionResult r = Asl.run(
                distributedOver("STANDARD", ""),
                "[0, 1, 2]",
                oneSlowItem(400),
                Asl.options().withExpressDurationLimit(Duration.ofMillis(200)));
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json("[0, 1, 2]"));
    }

    @Test
    void theExpressDurationLimitDefaultsToFiveMinutesAndMustBePositive() {
        assertThat(ExecutionOptions.defaults().expressDurationLimit()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> ExecutionOptions.defaults().withExpressDurationLimit(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expressDurationLimit");
    }
}
