package dev.phylo.functions.evolve;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Breed generation {@code generation + 1} of {@code runId} from generation {@code generation}. */
@RegisterForReflection
public record BreedRequest(String runId, Integer generation) {
}
