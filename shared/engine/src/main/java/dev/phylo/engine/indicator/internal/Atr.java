package dev.phylo.engine.indicator.internal;

import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.indicator.IndicatorCalculator;

/**
 * Wilder's average true range. True range needs the previous close, so the first one is at bar 1; the average is
 * seeded with the SMA of the first n true ranges and smoothed with alpha 1/n.
 */
final class Atr implements IndicatorCalculator {
    private final SeededEma avg;
    private double prevClose = Double.NaN;

    Atr(int n) {
        avg = SeededEma.wilder(n);
    }

    @Override
    public void compute(BarSeries s, int from, int to, double[][] out, int off) {
        double[] h = s.high();
        double[] l = s.low();
        double[] c = s.close();
        double[] o = out[0];
        for (int t = from; t < to; t++) {
            double v = Double.NaN;
            if (!Double.isNaN(prevClose)) {
                double tr = Math.max(h[t], prevClose) - Math.min(l[t], prevClose);
                v = avg.push(tr);
            }
            prevClose = c[t];
            o[off + t - from] = v;
        }
    }
}
