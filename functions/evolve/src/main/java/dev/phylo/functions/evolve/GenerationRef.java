package dev.phylo.functions.evolve;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A generation by reference (docs/architecture.md, "References, not payloads"): its {@code batchCount} batches are
 * items of the run's {@link BatchList}, which the Distributed Map reads from S3, so this stays a few hundred bytes at
 * any population. {@code done} means no further generation was bred: {@code generation} is then the last evaluated
 * one and {@code batchCount} is 0. {@code maxConcurrency} (the run input's, capped at evaluate's reserved concurrency,
 * passed through breed) bounds the Distributed Map.
 */
@RegisterForReflection
public record GenerationRef(
        String runId,
        int generation,
        int populationSize,
        int batchSize,
        int batchCount,
        BatchList batchList,
        boolean done,
        String bestId,
        Double bestFitness,
        Integer maxConcurrency) {}
