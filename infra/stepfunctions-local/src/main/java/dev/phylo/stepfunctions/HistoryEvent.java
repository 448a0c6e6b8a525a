package dev.phylo.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of an execution's event history, shaped like Step Functions' {@code
 * GetExecutionHistory}: ids count from 1, {@code previousEventId} is the event this one follows
 * in its own branch (0 for the first), {@code type} is a Step Functions event type such as {@code
 * TaskStateEntered}, and {@code details} holds the type's details object (for example {@code
 * {"name": ..., "input": "<json text>", "inputDetails": {"truncated": false}}}). Inputs and
 * outputs are JSON text, truncated to {@value #MAX_DATA_CHARS} characters.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, JsonNode details) {
    /** Longest input/output text kept in an event; longer text is cut and marked truncated. */
    public static final int MAX_DATA_CHARS = 8192;
}
