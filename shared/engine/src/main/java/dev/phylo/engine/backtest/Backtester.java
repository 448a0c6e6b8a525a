package dev.phylo.engine.backtest;

import dev.phylo.engine.backtest.internal.BlockDriver;
import dev.phylo.engine.backtest.internal.StrategyRunner;
import dev.phylo.engine.backtest.internal.TradeLog;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.List;

/**
 * Backtests one strategy in full detail: metrics, every closed trade and the equity curve. For many strategies at
 * once use {@link BatchEvaluator}, which runs the same simulation and returns the same metrics.
 */
public final class Backtester {
    private Backtester() {}

    /** Metrics, trades and the equity curve. */
    public static BacktestResult run(BarSeries series, StrategySpec spec, ExecutionConfig exec) {
        return run(series, spec, exec, true);
    }

    /**
     * Metrics and trades, and the equity curve at every bar's close when {@code withEquity} (otherwise
     * {@link BacktestResult#equity()} is empty: a report that shows no curve saves a series-long array).
     */
    public static BacktestResult run(BarSeries series, StrategySpec spec, ExecutionConfig exec, boolean withEquity) {
        if (series.size() < 2) {
            throw new IllegalArgumentException(
                    "a backtest needs at least 2 bars; %s has %d".formatted(series, series.size()));
        }
        long[] time = series.time();
        TradeLog log = new TradeLog();
        double[] equity = withEquity ? new double[series.size()] : null;
        StrategyRunner runner = BlockDriver.run(
                        series, List.of(spec), exec, BlockDriver.DEFAULT_BLOCK, null, i -> log, i -> equity)
                .get(0);
        Metrics metrics = runner.stats().finish(series.size(), time[0], time[series.size() - 1]);
        List<Trade> trades = log.toTrades(time);
        return new BacktestResult(metrics, trades, equity == null ? new double[0] : equity);
    }
}
