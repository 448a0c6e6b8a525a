package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The trials behind every deflated Sharpe ratio on one symbol, and the expected best of them under the null.
 *
 * <p>SR0 = √V × E[max of N standard normals] (Bailey and López de Prado, 2014), with N = the run's distinct behaviours
 * (every strategy that traded differently counts as a trial, an upper bound on the independent ones) and V = 1 / T,
 * the variance of a zero-skill strategy's per-bar Sharpe ratio estimated from T returns. The variance across the
 * clusters' representatives is kept for the record: it is not luck alone, since strategies with a real edge and those
 * trading against it widen it (docs/architecture.md, "Validation").
 *
 * @param trials                         N
 * @param returns                        T, in-sample returns (bars − 1)
 * @param barsPerYear                    (in-sample bars − 1) / years of the in-sample span, as {@code Metrics}
 *                                       annualises
 * @param sharpeVariance                 V = 1 / T, per bar²
 * @param expectedMaxSharpe              SR0, the per-bar Sharpe ratio the best of N unskilled trials is expected to
 *                                       reach
 * @param representatives                the clusters' representatives (N effective)
 * @param representativesSharpeVariance  the sample variance of their defined per-bar Sharpe ratios on this symbol
 */
@RegisterForReflection
public record SymbolTrials(
        String symbol,
        long trials,
        int returns,
        double barsPerYear,
        double sharpeVariance,
        double expectedMaxSharpe,
        long representatives,
        double representativesSharpeVariance) {}
