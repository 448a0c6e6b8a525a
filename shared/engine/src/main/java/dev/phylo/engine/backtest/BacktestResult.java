package dev.phylo.engine.backtest;

import dev.phylo.engine.metrics.Metrics;
import java.util.List;

/**
 * A single strategy's backtest: metrics, closed trades in order, and equity at each bar's close (empty when the run
 * was asked not to record it).
 */
public record BacktestResult(Metrics metrics, List<Trade> trades, double[] equity) {
    public BacktestResult {
        trades = List.copyOf(trades);
    }
}
