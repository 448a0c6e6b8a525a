package dev.phylo.engine.indicator.internal;

import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.indicator.IndicatorCalculator;

/**
 * Slow stochastic. Fast %K = {@code 100 * (close - lowest low) / (highest high - lowest low)} over n bars;
 * k = SMA(dfast) of fast %K; d = SMA(dslow) of k. A flat range (highest = lowest) makes fast %K undefined, and
 * the averages that include it are undefined too: no signal rather than an arbitrary 0.
 */
final class Stochastic implements IndicatorCalculator {
    private final RangeExtremum highest;
    private final RangeExtremum lowest;
    private double[] hhBlock = new double[0];
    private double[] llBlock = new double[0];
    private final Window k;
    private final Window d;
    private boolean kStarted;
    private boolean dStarted;

    Stochastic(int n, int dfast, int dslow) {
        highest = new RangeExtremum(n, true);
        lowest = new RangeExtremum(n, false);
        k = new Window(dfast);
        d = new Window(dslow);
    }

    @Override
    public void compute(BarSeries s, int from, int to, double[][] out, int off) {
        double[] h = s.high();
        double[] l = s.low();
        double[] c = s.close();
        if (hhBlock.length < to - from) {
            hhBlock = new double[to - from];
            llBlock = new double[to - from];
        }
        highest.compute(h, from, to, hhBlock, 0);
        lowest.compute(l, from, to, llBlock, 0);
        for (int t = from; t < to; t++) {
            double hh = hhBlock[t - from];
            double ll = llBlock[t - from];
            double fastK = Double.NaN;
            if (!Double.isNaN(hh)) {
                kStarted = true;
                double range = hh - ll;
                fastK = range > 0 ? 100.0 * ((c[t] - ll) / range) : Double.NaN;
            }
            double kv = Double.NaN;
            if (kStarted) {
                k.push(fastK);
                kv = k.mean();
                dStarted |= k.full();
            }
            double dv = Double.NaN;
            if (dStarted) {
                d.push(kv);
                dv = d.mean();
            }
            int i = off + t - from;
            out[0][i] = kv;
            out[1][i] = dv;
        }
    }
}
