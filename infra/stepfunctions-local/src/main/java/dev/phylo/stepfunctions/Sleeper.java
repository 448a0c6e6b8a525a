package dev.phylo.stepfunctions;

import java.time.Duration;

/** Waits for Wait states and Retry back-off. Tests use a fake that records the durations. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps on the calling thread ({@link Thread#sleep}); interruptible. */
    static Sleeper system() {
        return d -> {
            long ms = d.toMillis();
            if (ms > 0) {
                Thread.sleep(ms);
            }
        };
    }
}
