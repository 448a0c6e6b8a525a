/**
 * The implementation of {@link dev.phylo.engine.backtest}; not an API.
 * {@link dev.phylo.engine.backtest.internal.BlockDriver} runs a batch over the series in blocks of bars, so memory is
 * bounded by the block size: the distinct indicators of the batch fill an
 * {@link dev.phylo.engine.backtest.internal.IndicatorBank}, each strategy's rules are compiled into a signal program of
 * tight loops over byte arrays, and a {@link dev.phylo.engine.backtest.internal.StrategyRunner} per strategy simulates
 * fills, stops and equity bar by bar with no allocation per bar, reporting closed trades to a
 * {@link dev.phylo.engine.backtest.internal.TradeSink} (a {@link dev.phylo.engine.backtest.internal.TradeLog} when the
 * trades are wanted). It may use the engine's {@code data}, {@code indicator}, {@code strategy} and {@code metrics}
 * packages and the public types of its parent ({@code ExecutionConfig}, {@code Fill}, {@code Trade},
 * {@code ExitReason}). Its types are public only because the parent package needs them: no package other than
 * {@code dev.phylo.engine.backtest} may use them (benchmarks and functions go through {@code Backtester} and
 * {@code BatchEvaluator}).
 */
package dev.phylo.engine.backtest.internal;
