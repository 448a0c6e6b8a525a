package dev.phylo.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A local function process notices its runner's death, by SIGKILL included; without a runner it watches nothing. */
class RunnerWatchTest {

    @Test
    void theRunnersDeathByKillIsNoticed() throws Exception {
        Process runner = new ProcessBuilder(List.of("sleep", "600")).start();
        CountDownLatch gone = new CountDownLatch(1);

        RunnerWatch.start(Map.of(RunnerWatch.RUNNER_PID, Long.toString(runner.pid())), gone::countDown);
        assertThat(gone.await(1, TimeUnit.SECONDS)).as("alive runner").isFalse();
        runner.destroyForcibly(); // SIGKILL

        assertThat(gone.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRunnerAlreadyGoneIsNoticedAtOnce() throws Exception {
        Process runner = new ProcessBuilder(List.of("true")).start();
        runner.waitFor();
        AtomicInteger calls = new AtomicInteger();

        RunnerWatch.start(Map.of(RunnerWatch.RUNNER_PID, Long.toString(runner.pid())), calls::incrementAndGet);

        assertThat(calls).hasValue(1);
    }

    @Test
    void onLambdaNothingIsWatched() {
        AtomicInteger calls = new AtomicInteger();

        assertThat(RunnerWatch.start(Map.of(), calls::incrementAndGet)).isEmpty();
        assertThat(RunnerWatch.start(Map.of(RunnerWatch.RUNNER_PID, "not a pid"), calls::incrementAndGet))
                .isEmpty();
        assertThat(calls).hasValue(0);
    }
}
