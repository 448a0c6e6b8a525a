package dev.phylo.functions.evolve;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A generation by reference (docs/architecture.md, "References, not payloads"): the Distributed Map iterates {@code batches}, a list of batch
 * numbers (about 6 bytes each, so 100,000 strategies in batches of 100 stay near 6 KB), and builds each item
 * {@code {runId, generation, batch}} with its ItemSelector. {@code done} means no further generation was bred:
 * {@code generation} is then the last evaluated one and {@code batches} is empty. {@code maxConcurrency} (the run
 * input's, passed through breed) bounds the Distributed Map.
 */
@RegisterForReflection
public record GenerationRef(
        String runId,
        int generation,
        int populationSize,
        List<Integer> batches,
        boolean done,
        String bestId,
        Double bestFitness,
        Integer maxConcurrency) {}
