package dev.phylo.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an execution ended. {@code output} is set when it SUCCEEDED (null otherwise). {@code error}
 * and {@code cause} are set when it FAILED or TIMED_OUT ({@code States.Timeout}); an ABORTED
 * execution has a null error and the abort reason as its cause (like StopExecution without an
 * error).
 */
public record ExecutionResult(ExecutionStatus status, JsonNode output, String error, String cause) {
    public boolean succeeded() {
        return status == ExecutionStatus.SUCCEEDED;
    }
}
