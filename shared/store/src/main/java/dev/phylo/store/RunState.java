package dev.phylo.store;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A run's status and when it ended, as retention needs them.
 *
 * @param status  {@code running}, {@code succeeded}, {@code failed} or {@code cancelled}
 * @param endedAt when it ended ({@code finished_at}, else its last update); null while it runs
 */
public record RunState(String status, OffsetDateTime endedAt) {

    public RunState {
        Objects.requireNonNull(status, "status");
        if (!status.equals("running") && endedAt == null) {
            throw new IllegalArgumentException("a " + status + " run has an end time");
        }
    }

    public boolean running() {
        return status.equals("running");
    }
}
