package dev.phylo.engine.indicator.internal;

import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.indicator.IndicatorCalculator;

/** Rate of change {@code (close - close[n]) / close[n]}, defined from bar n. */
final class Roc implements IndicatorCalculator {
    private final int n;
    private final double[] ring;
    private int pos;
    private long pushed;

    Roc(int n) {
        this.n = n;
        this.ring = new double[n];
    }

    @Override
    public void compute(BarSeries s, int from, int to, double[][] out, int off) {
        double[] c = s.close();
        double[] o = out[0];
        for (int t = from; t < to; t++) {
            double v = Double.NaN;
            if (pushed >= n) {
                double past = ring[pos];
                v = (c[t] - past) / past;
            }
            ring[pos] = c[t];
            if (++pos == n) {
                pos = 0;
            }
            pushed++;
            o[off + t - from] = v;
        }
    }
}
