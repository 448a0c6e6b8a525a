package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.ExecutionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * Runs one attempt of a Task whose Resource is {@code arn:aws:states:::states:startExecution.sync:2}: starts a child
 * execution of this same state machine (the only one the local runner knows) with the task's {@code Input} and
 * {@code Name}, waits for it, and returns what Step Functions returns: the DescribeExecution fields with
 * {@code Input} and {@code Output} as JSON. A child that fails, times out or is aborted fails the task with
 * {@code States.TaskFailed} and that description as the cause; the task's timeout, or the parent ending, stops it
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html).
 */
final class ChildExecutions {

    private static final long POLL_MILLIS = 100;

    private final Interpreter interpreter;
    private final String smArn;
    private final BiFunction<String, JsonNode, Engine> start;

    /** @param start starts a child execution of this state machine by name and input */
    ChildExecutions(Interpreter interpreter, String smArn, BiFunction<String, JsonNode, Engine> start) {
        this.interpreter = interpreter;
        this.smArn = smArn;
        this.start = start;
    }

    JsonNode run(Model.TaskState s, JsonNode eff, Duration timeout, Frame f) {
        JsonNode arn = eff.get("StateMachineArn");
        if (arn == null || !arn.isTextual() || !arn.textValue().equals(smArn)) {
            throw StatesError.runtime("state \"" + s.name() + "\": field Parameters: StateMachineArn is " + arn
                    + "; the local runner starts child executions of this state machine only (" + smArn + ")");
        }
        JsonNode input = eff.has("Input") ? eff.get("Input") : Json.NODES.objectNode();
        if (input.isTextual()) { // StartExecution's Input is a JSON text; an object passes as one
            try {
                input = Json.parse(input.textValue());
            } catch (JsonProcessingException e) {
                throw StatesError.runtime(
                        "state \"" + s.name() + "\": field Parameters: Input is not JSON: " + e.getOriginalMessage());
            }
        }
        JsonNode nameNode = eff.get("Name");
        String name = nameNode != null && nameNode.isTextual()
                ? nameNode.textValue()
                : UUID.randomUUID().toString();
        interpreter.checkSize(input, s.name(), "child execution input");
        ObjectNode scheduled = Json.NODES.objectNode();
        scheduled.put("resourceType", "states");
        scheduled.put("resource", "startExecution.sync:2");
        scheduled.put("region", Engine.REGION);
        scheduled.put("parameters", Json.write(eff));
        scheduled.put("timeoutInSeconds", timeout.toSeconds());
        f.record("TaskScheduled", scheduled);
        f.record("TaskStarted", resource(Json.NODES.objectNode()));
        Instant started = interpreter.options().clock().instant();
        Engine child;
        try {
            child = start.apply(name, input);
        } catch (IllegalArgumentException e) {
            throw failed(f, StatesError.TASK_FAILED, "StepFunctions.InvalidNameException: " + e.getMessage());
        }
        f.record("TaskSubmitted", resource(Json.NODES.objectNode().put("executionArn", child.executionArn())));
        ExecutionResult ended = await(child, timeout, f);
        ObjectNode out = describe(child, name, input, started, ended);
        if (!ended.succeeded()) {
            throw failed(f, StatesError.TASK_FAILED, Json.write(out));
        }
        f.record("TaskSucceeded", Events.data(resource(Json.NODES.objectNode()), "output", out));
        return out;
    }

    /** Waits for the child; the task's timeout or the parent's end stops it. */
    private ExecutionResult await(Engine child, Duration timeout, Frame f) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                f.token.check();
            } catch (CancelToken.Cancelled c) {
                child.abort("the parent execution ended: " + c.reason.message);
                throw c;
            }
            if (System.nanoTime() > deadline) {
                child.abort("the parent's task timed out");
                throw failed(
                        f,
                        StatesError.TIMEOUT,
                        "the child execution " + child.executionArn() + " ran longer than the task's timeout ("
                                + timeout.toSeconds() + " s)");
            }
            try {
                return child.result().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll again
            } catch (InterruptedException e) {
                f.token.check();
            } catch (ExecutionException e) {
                throw failed(f, StatesError.TASK_FAILED, "the child execution failed to run: " + e.getCause());
            }
        }
    }

    private ObjectNode describe(Engine child, String name, JsonNode input, Instant started, ExecutionResult ended) {
        ObjectNode d = Json.NODES.objectNode();
        d.put("ExecutionArn", child.executionArn());
        d.set("Input", input);
        d.putObject("InputDetails").put("Included", true);
        d.put("Name", name);
        if (ended.output() != null) {
            d.set("Output", ended.output());
            d.putObject("OutputDetails").put("Included", true);
        }
        d.put("StartDate", started.toEpochMilli());
        d.put("StateMachineArn", smArn);
        d.put("Status", ended.status().name());
        d.put("StopDate", interpreter.options().clock().instant().toEpochMilli());
        if (ended.error() != null) {
            d.put("Error", ended.error());
        }
        if (ended.cause() != null) {
            d.put("Cause", ended.cause());
        }
        return d;
    }

    private static ObjectNode resource(ObjectNode d) {
        d.put("resourceType", "states");
        d.put("resource", "startExecution.sync:2");
        return d;
    }

    private static StatesError failed(Frame f, String error, String cause) {
        ObjectNode d = resource(Json.NODES.objectNode());
        d.put("error", error);
        d.put("cause", cause);
        f.record(StatesError.TIMEOUT.equals(error) ? "TaskTimedOut" : "TaskFailed", d);
        return new StatesError(error, cause);
    }
}
