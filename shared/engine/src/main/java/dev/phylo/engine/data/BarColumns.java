package dev.phylo.engine.data;

import java.util.Arrays;

/** Growable primitive columns that become a {@link BarSeries}; no boxing, no per-bar objects. */
final class BarColumns {
    private long[] time;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private int size;

    BarColumns(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        time = new long[capacity];
        open = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        close = new double[capacity];
        volume = new double[capacity];
    }

    void add(long t, double o, double h, double l, double c, double v) {
        if (size == time.length) {
            grow();
        }
        time[size] = t;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
    }

    int size() {
        return size;
    }

    /**
     * The median spacing of consecutive times, which skips weekends, holidays and session gaps.
     * Needs at least two bars.
     */
    long medianSpacingMillis() {
        if (size < 2) {
            throw new IllegalStateException("a spacing needs at least two bars, have " + size);
        }
        long[] gaps = new long[size - 1];
        for (int i = 1; i < size; i++) {
            gaps[i - 1] = time[i] - time[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[(gaps.length - 1) / 2];
    }

    /** Hands the (trimmed) arrays to a new series; this builder must not be used afterwards. */
    BarSeries toSeries(String symbol, BarInterval interval) {
        BarSeries series = BarSeries.of(
                symbol,
                interval,
                Arrays.copyOf(time, size),
                Arrays.copyOf(open, size),
                Arrays.copyOf(high, size),
                Arrays.copyOf(low, size),
                Arrays.copyOf(close, size),
                Arrays.copyOf(volume, size));
        time = null;
        open = high = low = close = volume = null;
        return series;
    }

    private void grow() {
        int capacity = time.length + (time.length >> 1);
        time = Arrays.copyOf(time, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
    }
}
