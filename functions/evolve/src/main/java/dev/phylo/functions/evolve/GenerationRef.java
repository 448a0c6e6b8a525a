package dev.phylo.functions.evolve;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A generation by reference (docs/architecture.md, "References, not payloads"): its {@code batchCount} batches are
 * items of the run's {@link BatchList}, which the Distributed Map reads from S3, so this stays a few hundred bytes at
 * any population. {@code done} means no further generation was bred: {@code generation} is then the last evaluated
 * one and {@code batchCount} is 0. {@code maxConcurrency} (the run input's, capped at evaluate's reserved concurrency,
 * passed through breed) bounds the Distributed Map. {@code folds} is null except for a walk-forward parent, whose
 * seed returns its fold runs' inputs (and no batches): the state machine starts one child execution per fold, at most
 * {@code foldConcurrency} at once (docs/architecture.md, decision 18).
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
        Integer maxConcurrency,
        List<SeedRequest> folds,
        Integer foldConcurrency) {}
