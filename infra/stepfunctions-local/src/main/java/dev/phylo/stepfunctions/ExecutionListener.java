package dev.phylo.stepfunctions;

import java.util.function.Consumer;

/**
 * Receives each history event as it is recorded (synchronously, in id order, on the thread that
 * produced it). Keep it fast; exceptions thrown by a listener are ignored.
 */
public interface ExecutionListener {
    ExecutionListener NONE = new ExecutionListener() {};

    default void onEvent(HistoryEvent e) {}

    /** A listener from a lambda, e.g. {@code ExecutionListener.of(events::add)}. */
    static ExecutionListener of(Consumer<HistoryEvent> consumer) {
        return new ExecutionListener() {
            @Override
            public void onEvent(HistoryEvent e) {
                consumer.accept(e);
            }
        };
    }
}
