package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AbortTest {

    private static final String MAP = """
      {"StartAt": "Evaluate generation", "States": {"Evaluate generation": {"Type": "Map", "MaxConcurrency": 4,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
          "StartAt": "Evaluate batch", "States": {"Evaluate batch": {"Type": "Task", "Resource": "%sblock", "End": true}}},
        "Next": "After"},
        "After": {"Type": "Pass", "End": true}}}
      """.formatted(FN);

    @Test
    void abortStopsTheExecutionAndInterruptsTasksInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(4);
        AtomicInteger interrupted = new AtomicInteger();
        Asl.Functions fns = new Asl.Functions().on("block", p -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw new TaskFailedException("Interrupted", "invoker interrupted");
            }
            return p;
        });
        Execution e = Asl.start(MAP, "[1, 2, 3, 4, 5, 6, 7, 8]", fns, Asl.options());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(e.status()).isEqualTo(ExecutionStatus.RUNNING);

        e.abort("stopped by the operator");
        ExecutionResult r = e.await(Duration.ofSeconds(5)).orElseThrow();
        assertThat(r.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(r.cause()).isEqualTo("stopped by the operator");
        assertThat(e.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(Asl.types(e)).endsWith("ExecutionAborted").doesNotContain("PassStateEntered", "MapRunSucceeded");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (interrupted.get() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(interrupted.get()).isEqualTo(4);
        Thread.sleep(50);
        assertThat(fns.count.get()).isEqualTo(4); // no new items were started
        int events = e.history().size();
        e.abort("again");
        assertThat(e.history()).hasSize(events); // aborting twice is a no-op
    }

    @Test
    void abortDuringAWaitState() {
        String def = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";
        Execution e = Asl.start(def, "{}", new Asl.Functions(), ExecutionOptions.defaults());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Asl.types(e).contains("WaitStateEntered") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        e.abort("enough");
        assertThat(e.await(Duration.ofSeconds(5)).orElseThrow().status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void executionTimeoutSecondsEndsTheRunWithStatesTimeout() {
        String def = """
        {"TimeoutSeconds": 1, "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sslow", "End": true}}}
        """.formatted(FN);
        Asl.Functions fns = new Asl.Functions().on("slow", p -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                throw new TaskFailedException("Interrupted", "");
            }
            return p;
        });
        long t0 = System.nanoTime();
        Execution e = Asl.start(def, "{}", fns, Asl.options());
        ExecutionResult r = e.await(Duration.ofSeconds(10)).orElseThrow();
        assertThat(r.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(r.error()).isEqualTo("States.Timeout");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(900L, 5_000L);
        assertThat(Asl.types(e)).endsWith("TaskStarted", "ExecutionTimedOut");
    }
}
