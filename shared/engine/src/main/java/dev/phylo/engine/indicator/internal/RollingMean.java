package dev.phylo.engine.indicator.internal;

import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.indicator.IndicatorCalculator;

/**
 * SMA of close: a running sum over a ring, recomputed exactly every {@value #RESYNC} bars so rounding cannot drift.
 * Close prices are validated finite on input, so unlike {@link Window} this needs no NaN bookkeeping.
 */
final class RollingMean implements IndicatorCalculator {
    private static final int RESYNC = 1024;

    private final int n;
    private final double[] ring;
    private int pos;
    private long pushed;
    private double sum;
    private int sinceResync;

    RollingMean(int n) {
        this.n = n;
        this.ring = new double[n];
    }

    @Override
    public void compute(BarSeries s, int from, int to, double[][] out, int off) {
        double[] c = s.close();
        double[] o = out[0];
        int t = from;
        for (; t < to && pushed < n; t++) { // warm-up
            ring[pos] = c[t];
            sum += c[t];
            pos = ++pos == n ? 0 : pos;
            pushed++;
            o[off + t - from] = pushed == n ? sum / n : Double.NaN;
        }
        double[] r = ring;
        int p = pos;
        double acc = sum;
        int since = sinceResync;
        for (; t < to; t++) {
            double x = c[t];
            acc += x - r[p];
            r[p] = x;
            if (++p == n) {
                p = 0;
            }
            if (++since == RESYNC) {
                acc = 0;
                for (double v : r) {
                    acc += v;
                }
                since = 0;
            }
            o[off + t - from] = acc / n;
        }
        pos = p;
        sum = acc;
        sinceResync = since;
    }
}
