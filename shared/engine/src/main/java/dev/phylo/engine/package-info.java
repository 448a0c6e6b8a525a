/**
 * Phylo's backtest engine, in pure Java. This root package of the {@code phylo-engine} module holds no types; the work
 * is in its subpackages: {@link dev.phylo.engine.data} (the columnar {@link dev.phylo.engine.data.BarSeries}, CSV
 * reading, synthetic markets), {@link dev.phylo.engine.indicator} (streaming indicators),
 * {@link dev.phylo.engine.strategy} (a strategy as data, {@link dev.phylo.engine.strategy.StrategySpec}, and its JSON
 * form), {@link dev.phylo.engine.backtest} (the simulation: {@link dev.phylo.engine.backtest.Backtester} for one
 * strategy, {@link dev.phylo.engine.backtest.BatchEvaluator} for many), {@link dev.phylo.engine.metrics} (performance
 * figures) and {@link dev.phylo.engine.evolve} (the GA's search space, genome codec and breeding step). The module is
 * the bottom of Phylo's dependency graph: it depends on no other Phylo module and on no framework, only on Jackson
 * (strategy JSON), FastCSV (CSV parsing) and Jenetics (GA operators); ta4j appears in test scope only, as an
 * independent oracle. It must never use Quarkus, a database, AWS or the shared folder. Every other module may depend on
 * it.
 *
 * <p>Inside the module the packages are layered and a lower one never uses a higher one: {@code data} and
 * {@code metrics} use no other engine package, {@code indicator} uses {@code data}, {@code strategy} uses
 * {@code indicator}, and {@code backtest} and {@code evolve} sit on top, independent of each other. Each
 * {@code internal} subpackage implements its parent and is used by nothing else.
 */
package dev.phylo.engine;
