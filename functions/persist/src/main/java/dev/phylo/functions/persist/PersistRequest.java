package dev.phylo.functions.persist;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Which generation to persist. */
@RegisterForReflection
public record PersistRequest(String runId, Integer generation) {}
