package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.HistoryEvent;
import dev.phylo.stepfunctions.TaskFailedException;
import dev.phylo.stepfunctions.TaskInvoker;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs one attempt of a Task state: works out the function, payload and timeout, calls the {@link TaskInvoker}, and
 * records the task's events (scheduled, started, then succeeded, failed or timed out).
 */
final class TaskStates {

    private final Interpreter interpreter;
    private final TaskInvoker invoker;
    private final ChildExecutions children;

    TaskStates(Interpreter interpreter, TaskInvoker invoker, ChildExecutions children) {
        this.interpreter = interpreter;
        this.invoker = invoker;
        this.children = children;
    }

    JsonNode attempt(Model.TaskState s, JsonNode raw, Frame f, Instant entered, int retryCount) {
        JsonNode ctx = interpreter.context(f, s, entered, retryCount);
        JsonNode afterInputPath = DataFlowSteps.inputPath(s, raw, ctx);
        JsonNode eff = s.parameters() != null ? s.parameters().evaluate(afterInputPath, ctx, f) : afterInputPath;
        if (s.kind() == Model.ResourceKind.START_EXECUTION_SYNC) {
            JsonNode result = children.run(s, eff, timeout(s, afterInputPath, ctx), f);
            return DataFlowSteps.stateOutput(s, raw, result, ctx, f);
        }
        String function;
        JsonNode payload;
        String resource;
        if (s.kind() == Model.ResourceKind.LAMBDA_ARN) {
            function = s.resource();
            payload = eff;
            resource = s.resource();
        } else {
            JsonNode fn = eff.get("FunctionName");
            if (fn == null || !fn.isTextual() || fn.textValue().isEmpty()) {
                throw StatesError.runtime("state \"" + s.name()
                        + "\": field Parameters: FunctionName must be a non-empty string but is " + fn);
            }
            function = fn.textValue();
            payload = eff.has("Payload") ? eff.get("Payload") : Json.NODES.objectNode();
            resource = "invoke";
        }
        interpreter.checkSize(payload, s.name(), "task input");
        Duration timeout = timeout(s, afterInputPath, ctx);
        f.record("TaskScheduled", scheduled(function, payload, resource, timeout));
        ObjectNode startedDetails = Json.NODES.objectNode();
        startedDetails.put("resourceType", "lambda");
        startedDetails.put("resource", resource);
        f.record("TaskStarted", startedDetails);
        f.token.check();
        JsonNode result = invoke(f, function, payload, timeout, resource);
        f.token.check();
        if (result == null) {
            result = Json.NODES.nullNode();
        }
        if (s.kind() == Model.ResourceKind.LAMBDA_INVOKE) {
            ObjectNode wrapped = Json.NODES.objectNode();
            wrapped.put("ExecutedVersion", "$LATEST");
            wrapped.set("Payload", result);
            wrapped.put("StatusCode", 200);
            result = wrapped;
        }
        try {
            interpreter.checkSize(result, s.name(), "task result");
        } catch (StatesError e) {
            taskFailed(f, resource, "TaskFailed", e.error(), e.cause());
            throw e;
        }
        ObjectNode succeeded = Json.NODES.objectNode();
        succeeded.put("resourceType", "lambda");
        succeeded.put("resource", resource);
        f.record("TaskSucceeded", Events.data(succeeded, "output", result));
        return DataFlowSteps.stateOutput(s, raw, result, ctx, f);
    }

    /** TimeoutSeconds, the value at TimeoutSecondsPath, or the execution's default task timeout. */
    private Duration timeout(Model.TaskState s, JsonNode afterInputPath, JsonNode ctx) {
        if (s.timeoutSeconds() != null) {
            return Duration.ofSeconds(s.timeoutSeconds());
        }
        if (s.timeoutSecondsPath() != null) {
            JsonNode v = DataFlowSteps.read(s, "TimeoutSecondsPath", s.timeoutSecondsPath(), afterInputPath, ctx);
            if (!v.isIntegralNumber() || v.longValue() <= 0) {
                throw StatesError.runtime("state \"" + s.name() + "\": field TimeoutSecondsPath: '"
                        + s.timeoutSecondsPath().text() + "' must select a positive integer but selected " + v);
            }
            return Duration.ofSeconds(v.longValue());
        }
        return interpreter.options().defaultTaskTimeout();
    }

    private static ObjectNode scheduled(String function, JsonNode payload, String resource, Duration timeout) {
        ObjectNode scheduled = Json.NODES.objectNode();
        scheduled.put("resourceType", "lambda");
        scheduled.put("resource", resource);
        scheduled.put("region", regionOf(function));
        ObjectNode params = Json.NODES.objectNode();
        params.put("FunctionName", function);
        params.set("Payload", payload);
        String paramText = Json.write(params);
        scheduled.put(
                "parameters",
                paramText.length() > HistoryEvent.MAX_DATA_CHARS
                        ? paramText.substring(0, HistoryEvent.MAX_DATA_CHARS)
                        : paramText);
        scheduled.put("timeoutInSeconds", timeout.toSeconds());
        return scheduled;
    }

    /** Calls the invoker; a failure is recorded and rethrown as a {@link StatesError}. */
    private JsonNode invoke(Frame f, String function, JsonNode payload, Duration timeout, String resource) {
        try {
            // copies both ways: an invoker may keep or modify what it is given or returns
            JsonNode result = invoker.invoke(function, payload.deepCopy(), timeout);
            return result == null ? null : result.deepCopy();
        } catch (TaskFailedException e) {
            f.token.check();
            String type = StatesError.TIMEOUT.equals(e.error()) ? "TaskTimedOut" : "TaskFailed";
            taskFailed(f, resource, type, e.error(), e.cause());
            throw new StatesError(e.error(), e.cause());
        } catch (RuntimeException e) {
            f.token.check();
            String cause = "the task invoker failed: " + e;
            taskFailed(f, resource, "TaskFailed", StatesError.TASK_FAILED, cause);
            throw new StatesError(StatesError.TASK_FAILED, cause);
        }
    }

    private static void taskFailed(Frame f, String resource, String type, String error, String cause) {
        ObjectNode d = Json.NODES.objectNode();
        d.put("resourceType", "lambda");
        d.put("resource", resource);
        d.put("error", error);
        d.put("cause", cause);
        f.record(type, d);
    }

    private static String regionOf(String function) {
        String[] parts = function.split(":");
        return parts.length > 4 && parts[0].equals("arn") ? parts[3] : Engine.REGION;
    }
}
