package dev.phylo.efs.internal;

import dev.phylo.engine.metrics.Metrics;

/** Metrics must be finite to be written as JSON: undefined values are null, never NaN or infinity. */
public final class MetricsChecks {
    private MetricsChecks() {}

    public static Metrics finite(String where, Metrics m) {
        if (m == null) {
            throw new IllegalArgumentException(where + ": metrics must not be null");
        }
        Checks.finite(where + ".totalReturn", m.totalReturn());
        Checks.finite(where + ".cagr", m.cagr());
        Checks.finiteOrNull(where + ".sharpe", m.sharpe());
        Checks.finiteOrNull(where + ".sortino", m.sortino());
        Checks.finite(where + ".maxDrawdown", m.maxDrawdown());
        Checks.finiteOrNull(where + ".calmar", m.calmar());
        Checks.finiteOrNull(where + ".winRate", m.winRate());
        Checks.finiteOrNull(where + ".profitFactor", m.profitFactor());
        Checks.finite(where + ".exposure", m.exposure());
        Checks.finiteOrNull(where + ".avgTrade", m.avgTrade());
        Checks.finiteOrNull(where + ".bestTrade", m.bestTrade());
        Checks.finiteOrNull(where + ".worstTrade", m.worstTrade());
        Checks.finite(where + ".finalEquity", m.finalEquity());
        return m;
    }
}
