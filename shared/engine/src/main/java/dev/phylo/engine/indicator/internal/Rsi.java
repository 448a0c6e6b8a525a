package dev.phylo.engine.indicator.internal;

import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.indicator.IndicatorCalculator;

/**
 * Wilder's RSI: up and down moves of close smoothed with alpha 1/n (seeded with their SMA over the first n moves),
 * {@code 100 - 100 / (1 + up/down)}. No movement at all (0/0) is undefined.
 */
final class Rsi implements IndicatorCalculator {
    private final SeededEma up;
    private final SeededEma down;
    private double prev = Double.NaN;

    Rsi(int n) {
        up = SeededEma.wilder(n);
        down = SeededEma.wilder(n);
    }

    @Override
    public void compute(BarSeries s, int from, int to, double[][] out, int off) {
        double[] c = s.close();
        double[] o = out[0];
        for (int t = from; t < to; t++) {
            double r = Double.NaN;
            if (!Double.isNaN(prev)) {
                double d = c[t] - prev;
                double u = up.push(Math.max(d, 0.0));
                double v = down.push(Math.max(-d, 0.0));
                if (!Double.isNaN(u)) {
                    r = 100.0 - 100.0 / (1.0 + u / v);
                }
            }
            prev = c[t];
            o[off + t - from] = r;
        }
    }
}
