package dev.phylo.evolution;

import dev.phylo.efs.DataSlice;
import dev.phylo.engine.data.BarSeries;
import java.time.Instant;
import java.util.Arrays;

/** Cuts a snapshot's series to a plan's in-sample or out-of-sample range, [from, to) in epoch milliseconds. */
public final class SeriesSlices {

    private SeriesSlices() {}

    public static BarSeries inSample(BarSeries series, DataSlice slice) {
        return range(series, slice.inSampleFrom(), slice.inSampleTo(), "in-sample");
    }

    public static BarSeries outOfSample(BarSeries series, DataSlice slice) {
        return range(series, slice.outOfSampleFrom(), slice.outOfSampleTo(), "out-of-sample");
    }

    /** The bars with {@code from <= time < to}; at least one, or a clear error. */
    public static BarSeries range(BarSeries series, long from, long to, String what) {
        int start = firstAtOrAfter(series.time(), from);
        int end = firstAtOrAfter(series.time(), to);
        if (end <= start) {
            throw new IllegalArgumentException("no %s bars of %s %s in [%s, %s)"
                    .formatted(
                            what,
                            series.symbol(),
                            series.interval(),
                            Instant.ofEpochMilli(from),
                            Instant.ofEpochMilli(to)));
        }
        return start == 0 && end == series.size() ? series : series.slice(start, end);
    }

    /** Index of the first time &gt;= t (times strictly increase). */
    static int firstAtOrAfter(long[] times, long t) {
        int i = Arrays.binarySearch(times, t);
        return i >= 0 ? i : -i - 1;
    }
}
