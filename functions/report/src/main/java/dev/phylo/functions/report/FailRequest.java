package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A failed run, as the state machine's {@code Catch} hands it over: {@code {"runId", "error", "cause"}}, where
 * {@code error} and {@code cause} are the caught error's name and its message (Step Functions' {@code Error} and
 * {@code Cause}). When an execution ends FAILED, TIMED_OUT or ABORTED without a Catch (the EventBridge rule on the
 * execution's status, or the local runner), {@code runId} is the execution's name and {@code executionInput} its
 * input, whose own {@code runId} wins, as in the state machine. Any field may be missing.
 */
@RegisterForReflection
public record FailRequest(String runId, String error, String cause, String executionInput) {}
