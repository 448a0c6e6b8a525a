package dev.phylo.engine.indicator;

import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.indicator.internal.Calculators;

/** Entry points for computing indicators over a whole series. */
public final class Indicators {
    private Indicators() {}

    /** A fresh streaming calculator for {@code spec}. */
    public static IndicatorCalculator calculator(IndicatorSpec spec) {
        return Calculators.create(spec);
    }

    /**
     * Every output of {@code spec} over the whole series, indexed {@code [output][bar]}; {@code NaN} marks bars where
     * the value is undefined (warm-up, or a degenerate 0/0 such as a flat stochastic range).
     */
    public static double[][] compute(BarSeries series, IndicatorSpec spec) {
        int n = series.size();
        double[][] out = new double[spec.kind().outputs().size()][n];
        calculator(spec).compute(series, 0, n, out, 0);
        return out;
    }
}
