package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import dev.phylo.efs.internal.MetricsChecks;
import dev.phylo.engine.metrics.Metrics;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The score of one strategy in a batch.
 *
 * @param id              the strategy id: 32 lower-case hex characters
 * @param fitness         the objective's value, finite
 * @param metricsBySymbol the backtest metrics per symbol, all finite (undefined values are null); held sorted by symbol
 */
public record StrategyResult(String id, double fitness, Map<String, Metrics> metricsBySymbol) {
    public StrategyResult {
        Checks.hex32("strategy id", id);
        Checks.finite("fitness of " + id, fitness);
        if (metricsBySymbol == null) {
            throw new IllegalArgumentException("metricsBySymbol of %s must not be null".formatted(id));
        }
        TreeMap<String, Metrics> sorted = new TreeMap<>();
        for (Map.Entry<String, Metrics> e : metricsBySymbol.entrySet()) {
            Checks.symbol(e.getKey());
            sorted.put(
                    e.getKey(), MetricsChecks.finite("metrics of %s for %s".formatted(id, e.getKey()), e.getValue()));
        }
        metricsBySymbol = Collections.unmodifiableMap(sorted);
    }
}
