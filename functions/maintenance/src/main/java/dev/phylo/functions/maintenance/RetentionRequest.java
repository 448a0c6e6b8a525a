package dev.phylo.functions.maintenance;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Optional override of {@code phylo.retention.max-age}, as an ISO-8601 duration ({@code P90D}). */
@RegisterForReflection
public record RetentionRequest(String maxAge) {}
