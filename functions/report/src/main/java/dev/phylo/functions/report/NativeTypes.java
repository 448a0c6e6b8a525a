package dev.phylo.functions.report;

import dev.phylo.efs.EfsJson;
import dev.phylo.evolution.GenerationSummary;
import dev.phylo.evolution.validation.BenchmarkComparison;
import dev.phylo.evolution.validation.OverfitFlag;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for native reflection the library types this function reads and writes with Jackson: the run files and
 * snapshot headers (the classes of {@link EfsJson#JSON_TYPES}), the generation summary, the overfit reasons and
 * the benchmark comparisons inside {@code validation.json}. The function's own records carry {@code @RegisterForReflection} themselves.
 */
@RegisterForReflection(
        targets = {
            dev.phylo.efs.RunPlan.class,
            dev.phylo.efs.ExecutionPlan.class,
            dev.phylo.efs.DataSlice.class,
            dev.phylo.efs.Population.class,
            dev.phylo.efs.Batch.class,
            dev.phylo.efs.Individual.class,
            dev.phylo.efs.BatchResult.class,
            dev.phylo.efs.StrategyResult.class,
            dev.phylo.engine.metrics.Metrics.class,
            dev.phylo.efs.BatchRef.class,
            dev.phylo.efs.SnapshotRef.class,
            dev.phylo.efs.internal.SnapshotHeader.class,
            dev.phylo.efs.internal.ColumnEntry.class,
            dev.phylo.efs.internal.ManifestEntry.class,
            dev.phylo.efs.WalkForwardPlan.class,
            dev.phylo.efs.WalkForwardPlan.Fold.class,
            GenerationSummary.class,
            OverfitFlag.class,
            OverfitFlag.Reason.class,
            BenchmarkComparison.class
        })
final class NativeTypes {
    private NativeTypes() {}
}
