package dev.phylo.functions.report;

import dev.phylo.engine.metrics.Metrics;
import dev.phylo.evolution.validation.BenchmarkComparison;
import dev.phylo.evolution.validation.OverfitFlag;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One strategy on one symbol: a fresh backtest of the in-sample range and one of the out-of-sample range, each from
 * the initial capital, and the deflated Sharpe ratio of the in-sample returns.
 *
 * @param perBarSharpe   in-sample mean / sd of the per-bar returns (null when they do not vary)
 * @param skewness       γ3 of the in-sample returns
 * @param kurtosis       γ4 (raw) of the in-sample returns
 * @param observations   T, in-sample returns (bars − 1)
 * @param deflatedSharpe DSR against the symbol's {@link SymbolTrials}; null when the Sharpe ratio is undefined
 * @param inSampleBenchmark    the in-sample run against buy-and-hold on the same bars (null for fewer than 3 bars)
 * @param outOfSampleBenchmark the out-of-sample run against buy-and-hold on the same bars
 */
@RegisterForReflection
public record SymbolValidation(
        Metrics inSample,
        Metrics outOfSample,
        Double perBarSharpe,
        Double skewness,
        Double kurtosis,
        int observations,
        Double deflatedSharpe,
        boolean overfit,
        List<OverfitFlag.Reason> reasons,
        BenchmarkComparison inSampleBenchmark,
        BenchmarkComparison outOfSampleBenchmark) {
    public SymbolValidation {
        reasons = List.copyOf(reasons);
    }
}
