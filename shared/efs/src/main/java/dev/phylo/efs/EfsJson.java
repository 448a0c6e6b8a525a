package dev.phylo.efs;

import dev.phylo.efs.internal.ColumnEntry;
import dev.phylo.efs.internal.ManifestEntry;
import dev.phylo.efs.internal.SnapshotHeader;
import dev.phylo.engine.metrics.Metrics;
import java.util.List;

/**
 * The types this module reads and writes with Jackson. A native image must register them for reflection; a Quarkus
 * module does so with {@code @RegisterForReflection(targets = {...})} listing these classes, or from a build step
 * iterating {@link #JSON_TYPES}.
 */
public final class EfsJson {
    /** Every record serialised to or from a shared-folder file. */
    public static final List<Class<?>> JSON_TYPES = List.of(
            RunPlan.class,
            ExecutionPlan.class,
            DataSlice.class,
            Population.class,
            Batch.class,
            Individual.class,
            BatchResult.class,
            StrategyResult.class,
            Metrics.class,
            BatchRef.class,
            SnapshotRef.class,
            SnapshotHeader.class,
            ColumnEntry.class,
            ManifestEntry.class,
            WalkForwardPlan.class,
            WalkForwardPlan.Fold.class);

    private EfsJson() {}
}
