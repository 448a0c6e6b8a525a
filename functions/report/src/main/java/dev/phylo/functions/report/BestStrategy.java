package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The strategy with the highest in-sample fitness, validated: Sharpe ratios annualised and averaged over the plan's
 * symbols (null when undefined on any symbol), the deflated Sharpe ratio likewise, and the overfit flag.
 */
@RegisterForReflection
public record BestStrategy(
        String id,
        String name,
        Double inSampleSharpe,
        Double outOfSampleSharpe,
        Double deflatedSharpe,
        boolean overfit) {}
