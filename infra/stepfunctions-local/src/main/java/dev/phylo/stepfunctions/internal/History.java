package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.ExecutionListener;
import dev.phylo.stepfunctions.ExecutionResult;
import dev.phylo.stepfunctions.ExecutionStatus;
import dev.phylo.stepfunctions.HistoryEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The event history of one execution and its end: numbers the events, tells the listener, enforces the history
 * quota, and records the final event and result exactly once (whichever of success, failure, timeout or abort comes
 * first). Thread-safe.
 */
final class History {

    /**
     * Step Functions' history quota for one execution (standard workflows): "Maximum execution history size", 25,000
     * events (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html).
     */
    static final int EVENT_LIMIT = 25_000;

    private final ExecutionListener listener;
    private final Clock clock;
    private final CancelToken root;
    private final CompletableFuture<ExecutionResult> done = new CompletableFuture<>();
    private final Object lock = new Object();
    private final List<HistoryEvent> events = new ArrayList<>();
    private long lastEventId;
    private boolean closed;
    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;

    /** {@code root} is the execution's token, cancelled when the history quota ends the execution. */
    History(ExecutionListener listener, Clock clock, CancelToken root) {
        this.listener = listener;
        this.clock = clock;
        this.root = root;
    }

    ExecutionStatus status() {
        return status;
    }

    CompletableFuture<ExecutionResult> result() {
        return done;
    }

    List<HistoryEvent> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** Appends an event, unless the execution has ended; the event that would reach the quota fails it instead. */
    void record(Cursor cursor, String type, ObjectNode details) {
        boolean overflow = false;
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (events.size() >= EVENT_LIMIT - 1) {
                overflow = true;
            } else {
                append(cursor, type, details);
            }
        }
        if (overflow) {
            String cause = "The execution reached the maximum number of history events (" + EVENT_LIMIT
                    + "); use a Distributed Map for large fan-outs";
            if (finish(
                    ExecutionStatus.FAILED,
                    null,
                    "ExecutionFailed",
                    Events.errorDetails(StatesError.RUNTIME, cause),
                    null,
                    StatesError.RUNTIME,
                    cause)) {
                root.cancel(CancelToken.Kind.ENDED, cause);
            }
        }
    }

    /**
     * Ends the execution with its final event and result; false (and nothing recorded) when it has already ended.
     */
    boolean finish(
            ExecutionStatus st,
            Cursor cursor,
            String type,
            ObjectNode details,
            JsonNode output,
            String error,
            String cause) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            append(cursor, type, details);
            closed = true;
            status = st;
        }
        done.complete(new ExecutionResult(st, output, error, cause));
        return true;
    }

    /** Caller holds the lock. A null cursor follows the previous event of the whole history. */
    private void append(Cursor cursor, String type, ObjectNode details) {
        long id = ++lastEventId;
        long prev = cursor == null ? id - 1 : cursor.last;
        HistoryEvent e = new HistoryEvent(id, prev, clock.instant(), type, details);
        events.add(e);
        if (cursor != null) {
            cursor.last = id;
        }
        try {
            listener.onEvent(e);
        } catch (RuntimeException ignored) {
            // a listener must not break the execution
        }
    }
}
