package dev.phylo.functions.persist;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What persisting a generation did, and the run as it now stands. A replay reports zero new strategies and zero
 * inserted or updated metrics: every row is then {@code metricsUnchanged}. {@code done} tells the state machine to
 * stop breeding: this was the last planned generation, or the best fitness has not improved for the plan's
 * {@code stallGenerations} generations (the best generation is the first that reached the best fitness).
 */
@RegisterForReflection
public record PersistSummary(
        String runId,
        int generation,
        int strategies,
        int newStrategies,
        long metricsInserted,
        long metricsUpdated,
        long metricsUnchanged,
        long evaluated,
        String bestStrategyId,
        Double bestFitness,
        Integer bestGeneration,
        boolean done) {}
