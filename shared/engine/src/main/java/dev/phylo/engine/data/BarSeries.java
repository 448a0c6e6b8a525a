package dev.phylo.engine.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An OHLCV bar series in columnar form: one primitive array per field, all of the same length.
 *
 * <p>Times are epoch milliseconds (UTC) of the bar's open, strictly increasing. The arrays are
 * owned by the series and must not be modified after construction; accessors return them
 * directly so that the backtest loops read them without copying.
 */
public final class BarSeries {
    private final String symbol;
    private final BarInterval interval;
    private final long[] time;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;

    private BarSeries(
            String symbol,
            BarInterval interval,
            long[] time,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.time = Objects.requireNonNull(time, "time");
        this.open = Objects.requireNonNull(open, "open");
        this.high = Objects.requireNonNull(high, "high");
        this.low = Objects.requireNonNull(low, "low");
        this.close = Objects.requireNonNull(close, "close");
        this.volume = Objects.requireNonNull(volume, "volume");
        int n = time.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException(
                    "column lengths differ: time=%d open=%d high=%d low=%d close=%d volume=%d"
                            .formatted(n, open.length, high.length, low.length, close.length, volume.length));
        }
        for (int i = 1; i < n; i++) {
            if (time[i] <= time[i - 1]) {
                throw new IllegalArgumentException(
                        "times not strictly increasing at index %d: %d <= %d".formatted(i, time[i], time[i - 1]));
            }
        }
    }

    /** Wraps the given arrays (no copy). The caller hands over ownership. */
    public static BarSeries of(
            String symbol,
            BarInterval interval,
            long[] time,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume) {
        return new BarSeries(symbol, interval, time, open, high, low, close, volume);
    }

    public String symbol() {
        return symbol;
    }

    public BarInterval interval() {
        return interval;
    }

    public int size() {
        return time.length;
    }

    public long[] time() {
        return time;
    }

    public double[] open() {
        return open;
    }

    public double[] high() {
        return high;
    }

    public double[] low() {
        return low;
    }

    public double[] close() {
        return close;
    }

    public double[] volume() {
        return volume;
    }

    /** Bars {@code [from, to)} as a new series (copies). */
    public BarSeries slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return new BarSeries(
                symbol,
                interval,
                Arrays.copyOfRange(time, from, to),
                Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to),
                Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to),
                Arrays.copyOfRange(volume, from, to));
    }

    /** A series with the same values, under another symbol or interval label. */
    public BarSeries withLabels(String newSymbol, BarInterval newInterval) {
        return new BarSeries(newSymbol, newInterval, time, open, high, low, close, volume);
    }

    @Override
    public String toString() {
        return "BarSeries[%s %s, %d bars]".formatted(symbol, interval, size());
    }
}
