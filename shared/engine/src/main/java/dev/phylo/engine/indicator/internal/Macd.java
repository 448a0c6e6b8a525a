package dev.phylo.engine.indicator.internal;

import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.indicator.IndicatorCalculator;

/** MACD line {@code EMA(fast) - EMA(slow)}, its signal {@code EMA(signal)} of the line, and the histogram. */
final class Macd implements IndicatorCalculator {
    private final SeededEma fast;
    private final SeededEma slow;
    private final SeededEma signal;

    Macd(int fast, int slow, int signal) {
        this.fast = SeededEma.exponential(fast);
        this.slow = SeededEma.exponential(slow);
        this.signal = SeededEma.exponential(signal);
    }

    @Override
    public void compute(BarSeries s, int from, int to, double[][] out, int off) {
        double[] c = s.close();
        for (int t = from; t < to; t++) {
            double f = fast.push(c[t]);
            double line = slow.push(c[t]);
            line = f - line;
            double sig = signal.push(line);
            int i = off + t - from;
            out[0][i] = line;
            out[1][i] = sig;
            out[2][i] = line - sig;
        }
    }
}
