package dev.phylo.stepfunctions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.internal.Engine;
import dev.phylo.stepfunctions.internal.Json;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A running (or finished) execution. It runs on a background thread; all methods are thread-safe. */
public final class Execution {
    private final Engine engine;
    private final String name;

    Execution(Engine engine, String name) {
        this.engine = engine;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** arn:aws:states:local:000000000000:execution:STATE_MACHINE:NAME */
    public String executionArn() {
        return engine.executionArn();
    }

    /** RUNNING until the execution ends. */
    public ExecutionStatus status() {
        return engine.status();
    }

    /** Blocks until the execution ends. */
    public ExecutionResult await() {
        return engine.result().join();
    }

    /** Blocks at most {@code timeout}; empty if the execution is still running. */
    public Optional<ExecutionResult> await(Duration timeout) {
        try {
            return Optional.of(engine.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Stops the execution (like StopExecution): records ExecutionAborted with {@code reason} as the
     * cause, ends it with status ABORTED at once, and interrupts the threads still working for it
     * (tasks in flight see their invoker thread interrupted; their results are ignored). No-op when
     * the execution has already ended.
     */
    public void abort(String reason) {
        engine.abort(reason);
    }

    /**
     * The largest payload held to the limit so far (state inputs and outputs, child executions' included): how close
     * the execution came to {@code States.DataLimitExceeded}.
     */
    public PayloadSize largestPayload() {
        return engine.largestPayload();
    }

    /** The events so far, in id order. */
    public List<HistoryEvent> history() {
        return engine.history();
    }

    /**
     * The history as {@code GetExecutionHistory} returns it: {@code {"events": [{"id", "previousEventId",
     * "timestamp", "type", "<type>EventDetails": {...}}]}}.
     */
    public String historyJson() {
        ObjectNode root = Json.NODES.objectNode();
        ArrayNode arr = root.putArray("events");
        for (HistoryEvent e : history()) {
            ObjectNode o = arr.addObject();
            o.put("id", e.id());
            o.put("previousEventId", e.previousEventId());
            o.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(e.timestamp()));
            o.put("type", e.type());
            if (e.details() != null && e.details().size() > 0) {
                o.set(detailsKey(e.type()), e.details());
            }
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String detailsKey(String type) {
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }

    @Override
    public String toString() {
        return "Execution[" + name + ", " + status() + "]";
    }
}
