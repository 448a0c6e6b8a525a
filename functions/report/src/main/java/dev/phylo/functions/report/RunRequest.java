package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The run to validate or report on: {@code {"runId": "demo-1"}}. */
@RegisterForReflection
public record RunRequest(String runId) {}
