package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A failed run, as the state machine's {@code Catch} hands it over: {@code {"runId", "error", "cause"}}, where
 * {@code error} and {@code cause} are the caught error's name and its message (Step Functions' {@code Error} and
 * {@code Cause}). Any field may be missing.
 */
@RegisterForReflection
public record FailRequest(String runId, String error, String cause) {}
