package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The trials behind every deflated Sharpe ratio on one symbol: the independent ones, one representative per cluster
 * of correlated strategies (see {@link EffectiveTrials}). Each representative's per-bar Sharpe ratio is its in-sample
 * {@code Metrics.sharpe} divided by √barsPerYear of the in-sample data.
 *
 * @param trials            N effective: the clusters
 * @param definedSharpes    representatives with a defined in-sample Sharpe ratio on this symbol
 * @param barsPerYear       (in-sample bars − 1) / years of the in-sample span, as {@code Metrics} annualises
 * @param sharpeVariance    V[SR_n], the sample variance of the representatives' defined per-bar Sharpe ratios
 * @param expectedMaxSharpe SR0, the per-bar Sharpe ratio the best of N unskilled trials is expected to reach
 */
@RegisterForReflection
public record SymbolTrials(
        String symbol,
        long trials,
        int definedSharpes,
        double barsPerYear,
        double sharpeVariance,
        double expectedMaxSharpe) {}
