package dev.phylo.functions.evaluate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one batch did. {@code replayed} is true when the result file already existed (a Step Functions retry): it is
 * read back, not recomputed, and {@code millis} is then the time to read it. {@code snapshotsLoaded} counts the
 * snapshots read from the shared folder by this invocation (0 when the warm environment's cache had them) and
 * {@code snapshotLoadMillis} the time spent on it.
 */
@RegisterForReflection
public record EvaluateSummary(
        String runId,
        int generation,
        int batch,
        int count,
        String bestId,
        double bestFitness,
        long strategyBars,
        long millis,
        double strategyBarsPerSecond,
        boolean replayed,
        long snapshotsLoaded,
        long snapshotLoadMillis) {}
