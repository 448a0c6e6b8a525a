/**
 * A trading strategy as data: {@link dev.phylo.engine.strategy.StrategySpec} (direction, long and short
 * {@link dev.phylo.engine.strategy.SideRules}, {@link dev.phylo.engine.strategy.Stop}s, bar limit and
 * {@link dev.phylo.engine.strategy.Sizing}), its rules as a tree of {@link dev.phylo.engine.strategy.Rule}s over
 * conditions written as text ({@code "rsi(14) < 30"}, parsed by {@link dev.phylo.engine.strategy.Conditions} into
 * {@link dev.phylo.engine.strategy.Operand}s and a {@link dev.phylo.engine.strategy.Comparison}), and its versioned
 * JSON form, read and written canonically by {@link dev.phylo.engine.strategy.StrategySpecs} (equal strategies give
 * equal bytes, and {@code StrategySpecs.id} hashes them into the strategy id that run files and the database use).
 * {@link dev.phylo.engine.strategy.ExampleStrategies} serves the examples bundled under {@code /phylo/strategies/}. It
 * may use {@link dev.phylo.engine.indicator} (an operand names an indicator), Jackson and the JDK; it never depends on
 * {@code backtest} or {@code evolve}, which both build on it.
 */
package dev.phylo.engine.strategy;
