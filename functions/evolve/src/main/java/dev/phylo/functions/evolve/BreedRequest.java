package dev.phylo.functions.evolve;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Breed generation {@code generation + 1} of {@code runId} from generation {@code generation}. {@code maxConcurrency}
 * is passed back untouched in the result, so the state machine keeps it without storing it elsewhere.
 */
@RegisterForReflection
public record BreedRequest(String runId, Integer generation, Integer maxConcurrency) {

    public BreedRequest(String runId, Integer generation) {
        this(runId, generation, null);
    }
}
