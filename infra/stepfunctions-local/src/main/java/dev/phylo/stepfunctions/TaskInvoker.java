package dev.phylo.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * How a Task state reaches a function. Implementations must be thread-safe: Map and Parallel
 * states call {@link #invoke} concurrently.
 *
 * <p>{@code functionArn} is the Task's {@code Resource} for a plain Lambda ARN resource, or the
 * {@code FunctionName} parameter (a name, a partial ARN or a full ARN, as written in the
 * definition) for {@code arn:aws:states:::lambda:invoke}. The invoker enforces {@code timeout}
 * and reports an expired one by throwing {@code new TaskFailedException("States.Timeout", ...)}.
 * When the execution is aborted, the thread calling {@code invoke} is interrupted.
 */
@FunctionalInterface
public interface TaskInvoker {
    JsonNode invoke(String functionArn, JsonNode payload, Duration timeout) throws TaskFailedException;
}
