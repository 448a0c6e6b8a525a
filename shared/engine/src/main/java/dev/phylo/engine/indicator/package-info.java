/**
 * Technical indicators: {@link dev.phylo.engine.indicator.IndicatorKind} (the indicators Phylo computes, with their
 * parameters, outputs and warm-up, following TA-Lib and backtrader conventions),
 * {@link dev.phylo.engine.indicator.IndicatorSpec} (one indicator with its parameters, such as {@code bollinger(20,2)};
 * equal specs share one computation in a batch), the streaming {@link dev.phylo.engine.indicator.IndicatorCalculator}
 * that lets a long series be processed in blocks, and {@link dev.phylo.engine.indicator.Indicators}, the entry point
 * that returns a calculator or computes a whole series. Values are {@code NaN} during warm-up, which never signals. It
 * may use {@link dev.phylo.engine.data} and the JDK only; the calculators themselves are in
 * {@link dev.phylo.engine.indicator.internal}, which only this package may use.
 */
package dev.phylo.engine.indicator;
