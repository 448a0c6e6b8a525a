package dev.phylo.store;

import dev.phylo.engine.metrics.Metrics;
import java.util.Objects;

/** One strategy's result on one symbol in one generation, with the strategy's overall fitness. */
public record MetricsRow(String strategyId, String symbol, double fitness, Metrics metrics) {

    public MetricsRow {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(metrics, "metrics");
        if (!Double.isFinite(fitness)) {
            throw new IllegalArgumentException(
                    "fitness of " + strategyId + " on " + symbol + " is not finite: " + fitness);
        }
    }
}
