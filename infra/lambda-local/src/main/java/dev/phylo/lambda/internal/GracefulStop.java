package dev.phylo.lambda.internal;

import java.time.Duration;
import java.util.Collection;

/**
 * Stops function processes together: SIGTERM to all, one shared grace period, SIGKILL to the rest, then waits for
 * every one to be gone and closes their Runtime API servers. Sharing the grace period keeps stopping many processes
 * as quick as stopping one.
 */
public final class GracefulStop {

    private static final Duration EXIT_AFTER_KILL = Duration.ofSeconds(10);

    private GracefulStop() {}

    /** Stops {@code processes}, giving them {@code grace} (in total) to exit after SIGTERM. */
    public static void stopAll(Collection<ProcessSupervisor> processes, Duration grace) {
        for (ProcessSupervisor p : processes) {
            if (p.isAlive()) {
                p.terminate();
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessSupervisor p : processes) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!p.awaitExit(Duration.ofNanos(left))) {
                p.kill();
            }
        }
        for (ProcessSupervisor p : processes) {
            if (!p.awaitExit(EXIT_AFTER_KILL)) {
                p.reportStillRunning();
            }
            p.closeServer();
        }
    }
}
