package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What {@code fail} did: {@code recorded} is false when there was no run row to mark (the run failed before it was
 * seeded, or the input named no valid run).
 */
@RegisterForReflection
public record FailureRecorded(String runId, boolean recorded) {}
