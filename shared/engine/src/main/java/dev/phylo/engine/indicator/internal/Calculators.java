package dev.phylo.engine.indicator.internal;

import dev.phylo.engine.indicator.IndicatorCalculator;
import dev.phylo.engine.indicator.IndicatorSpec;

/** Streaming calculators for every {@link dev.phylo.engine.indicator.IndicatorKind}. */
public final class Calculators {
    private Calculators() {}

    public static IndicatorCalculator create(IndicatorSpec spec) {
        int p = spec.intParam(0);
        return switch (spec.kind()) {
            case SMA -> new RollingMean(p);
            case EMA -> ema(p);
            case WMA -> wma(p);
            case RSI -> new Rsi(p);
            case BOLLINGER -> bollinger(p, spec.param(1));
            case ATR -> new Atr(p);
            case MACD -> new Macd(p, spec.intParam(1), spec.intParam(2));
            case STOCH -> new Stochastic(p, spec.intParam(1), spec.intParam(2));
            case ROC -> new Roc(p);
            case HIGHEST -> extremum(p, true);
            case LOWEST -> extremum(p, false);
            case ZSCORE -> zscore(p);
        };
    }

    private static IndicatorCalculator ema(int n) {
        SeededEma e = SeededEma.exponential(n);
        return (s, from, to, out, off) -> {
            double[] c = s.close();
            double[] o = out[0];
            for (int t = from; t < to; t++) {
                o[off + t - from] = e.push(c[t]);
            }
        };
    }

    private static IndicatorCalculator wma(int n) {
        WeightedWindow w = new WeightedWindow(n);
        return (s, from, to, out, off) -> {
            double[] c = s.close();
            double[] o = out[0];
            for (int t = from; t < to; t++) {
                o[off + t - from] = w.push(c[t]);
            }
        };
    }

    private static IndicatorCalculator bollinger(int n, double devfactor) {
        Window w = new Window(n);
        return (s, from, to, out, off) -> {
            double[] c = s.close();
            for (int t = from; t < to; t++) {
                w.push(c[t]);
                double mid = w.mean();
                double dev = devfactor * Math.sqrt(w.variance());
                int i = off + t - from;
                out[0][i] = mid;
                out[1][i] = mid + dev;
                out[2][i] = mid - dev;
            }
        };
    }

    private static IndicatorCalculator zscore(int n) {
        Window w = new Window(n);
        return (s, from, to, out, off) -> {
            double[] c = s.close();
            double[] o = out[0];
            for (int t = from; t < to; t++) {
                w.push(c[t]);
                double sd = Math.sqrt(w.variance());
                o[off + t - from] = sd > 0 ? (c[t] - w.mean()) / sd : Double.NaN;
            }
        };
    }

    private static IndicatorCalculator extremum(int n, boolean max) {
        RangeExtremum x = new RangeExtremum(n, max);
        return (s, from, to, out, off) -> x.compute(max ? s.high() : s.low(), from, to, out[0], off);
    }
}
