package dev.phylo.efs;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import java.util.SplittableRandom;

/** Seeded random-walk bars for tests. */
final class TestBars {
    static final long START = 1_704_067_200_000L; // 2024-01-01T00:00:00Z

    private TestBars() {}

    static BarSeries series(String symbol, String interval, int rows, long seed) {
        BarInterval bi = BarInterval.parse(interval);
        SplittableRandom random = new SplittableRandom(seed);
        long[] time = new long[rows];
        double[] open = new double[rows];
        double[] high = new double[rows];
        double[] low = new double[rows];
        double[] close = new double[rows];
        double[] volume = new double[rows];
        double price = 100;
        for (int i = 0; i < rows; i++) {
            time[i] = START + i * bi.millis();
            open[i] = price;
            price *= Math.exp(random.nextGaussian() * 0.01);
            close[i] = price;
            high[i] = Math.max(open[i], close[i]) * (1 + random.nextDouble() * 0.005);
            low[i] = Math.min(open[i], close[i]) * (1 - random.nextDouble() * 0.005);
            volume[i] = Math.floor(random.nextDouble() * 1e6);
        }
        return BarSeries.of(symbol, bi, time, open, high, low, close, volume);
    }

    static BarSeries series(String symbol, int rows) {
        return series(symbol, "1h", rows, 42);
    }

    /** A copy of {@code s} with {@code close[index]} replaced. */
    static BarSeries withClose(BarSeries s, int index, double value) {
        double[] close = s.close().clone();
        close[index] = value;
        return BarSeries.of(
                s.symbol(),
                s.interval(),
                s.time().clone(),
                s.open().clone(),
                s.high().clone(),
                s.low().clone(),
                close,
                s.volume().clone());
    }
}
