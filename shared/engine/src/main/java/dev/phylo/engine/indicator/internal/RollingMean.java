package dev.phylo.engine.indicator.internal;

import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.indicator.IndicatorCalculator;

/**
 * SMA of close from a running window sum kept in double-double form (an error-free TwoSum after every add and
 * subtract), so the mean is the correctly rounded window sum over n, as backtrader's {@code math.fsum} gives. This
 * matters beyond the last digit: prices on a cent grid often make SMA(10) and SMA(30) exactly equal, and a plain
 * running sum would turn such a tie into a spurious crossover. The sum is rebuilt from the ring every
 * {@value #RESYNC} bars so the compensation term cannot drift.
 */
final class RollingMean implements IndicatorCalculator {
    private static final int RESYNC = 1024;

    private final int n;
    private final double[] ring;
    private int pos;
    private long pushed;
    private double hi;
    private double lo;
    private int sinceResync;

    RollingMean(int n) {
        this.n = n;
        this.ring = new double[n];
    }

    @Override
    public void compute(BarSeries s, int from, int to, double[][] out, int off) {
        double[] c = s.close();
        double[] o = out[0];
        double[] r = ring;
        int p = pos;
        double h = hi;
        double l = lo;
        int since = sinceResync;
        for (int t = from; t < to; t++) {
            double x = c[t];
            double old = pushed >= n ? r[p] : 0.0;
            // d + e = x - old exactly (off the loop-carried chain)
            double d = x - old;
            double bd = d - x;
            double e = (x - (d - bd)) - (old + bd);
            // h + l += d + e, exactly up to the rounding of l: one addition on the chain through h
            double hd = h + d;
            double bs = hd - h;
            l += (h - (hd - bs)) + (d - bs) + e;
            h = hd;
            r[p] = x;
            if (++p == n) {
                p = 0;
            }
            if (pushed < n) {
                pushed++;
            }
            if (++since == RESYNC && pushed >= n) {
                h = 0;
                l = 0;
                for (double v : r) {
                    double sum = h + v;
                    double b = sum - h;
                    l += (h - (sum - b)) + (v - b);
                    h = sum;
                }
                since = 0;
            }
            o[off + t - from] = pushed >= n ? (h + l) / n : Double.NaN;
        }
        pos = p;
        hi = h;
        lo = l;
        sinceResync = since;
    }
}
