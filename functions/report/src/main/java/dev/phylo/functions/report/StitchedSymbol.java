package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The fold winners' out-of-sample results on one symbol, stitched over every test window, against buy-and-hold on the
 * same bars. Each fold starts flat with the equity the previous one ended with; returns compound across folds. Sharpe
 * ratios are annualised from the per-bar returns inside the test windows as in {@code Metrics} (bars per year from the
 * windows' own span); the drawdown is from the running peak of the stitched equity.
 */
@RegisterForReflection
public record StitchedSymbol(
        String symbol,
        int bars,
        double strategyReturn,
        double buyAndHoldReturn,
        Double strategySharpe,
        Double buyAndHoldSharpe,
        double maxDrawdown,
        int foldsAheadOfBuyAndHold) {}
