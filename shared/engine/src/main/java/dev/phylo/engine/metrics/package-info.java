/**
 * The performance figures of one backtest: {@link dev.phylo.engine.metrics.Metrics} (total return, CAGR, Sharpe,
 * Sortino, drawdown, trade statistics, with every formula defined on the record, and {@code null} for a value that is
 * undefined for the run), accumulated in one allocation-free pass by {@link dev.phylo.engine.metrics.EquityStats}.
 * {@code Metrics} is the figure the GA's objective scores, the shared folder's result files carry and the store writes
 * to {@code strategy_metrics}, so this package depends on nothing but the JDK: no other engine package, no other Phylo
 * module, no library.
 */
package dev.phylo.engine.metrics;
