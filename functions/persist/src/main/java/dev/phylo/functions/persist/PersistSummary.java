package dev.phylo.functions.persist;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What persisting a generation did, and the run as it now stands. A replay reports zero new strategies and zero
 * inserted or updated metrics: every row is then {@code metricsUnchanged}.
 */
@RegisterForReflection
public record PersistSummary(String runId, int generation, int strategies, int newStrategies,
                             long metricsInserted, long metricsUpdated, long metricsUnchanged, long evaluated,
                             String bestStrategyId, Double bestFitness, Integer bestGeneration) {
}
