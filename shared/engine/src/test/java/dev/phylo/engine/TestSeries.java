package dev.phylo.engine;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import java.util.SplittableRandom;

/** Small series for tests, built from explicit bars or a seeded random walk. */
public final class TestSeries {
    public static final long T0 = 1_577_836_800_000L; // 2020-01-01T00:00Z
    public static final long DAY = 86_400_000L;

    private TestSeries() {}

    /** Daily bars from rows of {open, high, low, close}. */
    public static BarSeries ohlc(double[]... rows) {
        int n = rows.length;
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * DAY;
            o[i] = rows[i][0];
            h[i] = rows[i][1];
            l[i] = rows[i][2];
            c[i] = rows[i][3];
            v[i] = 1000;
        }
        return BarSeries.of("TEST", BarInterval.ONE_DAY, t, o, h, l, c, v);
    }

    /** Daily bars whose open is the previous close and whose range is the body widened by 0.5. */
    public static BarSeries closes(double... closes) {
        double[][] rows = new double[closes.length][];
        for (int i = 0; i < closes.length; i++) {
            double o = i == 0 ? closes[0] : closes[i - 1];
            double c = closes[i];
            rows[i] = new double[] {o, Math.max(o, c) + 0.5, Math.min(o, c) - 0.5, c};
        }
        return ohlc(rows);
    }

    /** A seeded geometric random walk of {@code n} hourly bars starting at 100. */
    public static BarSeries randomWalk(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = 100;
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * 3_600_000L;
            double open = price;
            double close = open * Math.exp(0.01 * gaussian(rnd));
            o[i] = open;
            c[i] = close;
            h[i] = Math.max(open, close) * (1 + 0.004 * rnd.nextDouble());
            l[i] = Math.min(open, close) * (1 - 0.004 * rnd.nextDouble());
            v[i] = 1000 + rnd.nextInt(1000);
            price = close;
        }
        return BarSeries.of("WALK", BarInterval.ONE_HOUR, t, o, h, l, c, v);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
