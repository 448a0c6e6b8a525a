/**
 * The backtest: how a {@link dev.phylo.engine.strategy.StrategySpec} trades over a
 * {@link dev.phylo.engine.data.BarSeries} under an {@link dev.phylo.engine.backtest.ExecutionConfig} (fill rule, fees,
 * slippage, capital). {@link dev.phylo.engine.backtest.Backtester} runs one strategy in full detail (a
 * {@link dev.phylo.engine.backtest.BacktestResult} with every {@link dev.phylo.engine.backtest.Trade} and the equity
 * curve); {@link dev.phylo.engine.backtest.BatchEvaluator} runs many strategies on one series in parallel, computing
 * each distinct indicator once, and returns the same {@link dev.phylo.engine.metrics.Metrics}. Results are
 * deterministic whatever the thread count. This package may use the engine's {@code data}, {@code strategy},
 * {@code indicator} and {@code metrics} packages and the JDK, nothing else; {@code evolve} does not depend on it, nor
 * it on {@code evolve}. The simulation itself (block driver, indicator bank, compiled signals, the per-strategy runner)
 * lives in {@link dev.phylo.engine.backtest.internal}, which only this package may use.
 */
package dev.phylo.engine.backtest;
