package dev.phylo.functions.report;

import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.SnapshotReader;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.evolution.SeriesSlices;
import java.util.LinkedHashMap;
import java.util.Map;

/** The market data of a run: each slice's pinned snapshot, loaded once, cut to its ranges. */
final class RunData {

    private final Map<String, BarSeries> bySymbol;

    private RunData(Map<String, BarSeries> bySymbol) {
        this.bySymbol = bySymbol;
    }

    static RunData load(EfsLayout efs, RunPlan plan) {
        Map<String, BarSeries> series = new LinkedHashMap<>();
        for (DataSlice slice : plan.data()) {
            series.put(
                    slice.symbol(),
                    SnapshotReader.load(efs, slice.symbol(), BarInterval.parse(slice.interval()), slice.snapshotId()));
        }
        return new RunData(series);
    }

    BarSeries inSample(DataSlice slice) {
        return SeriesSlices.inSample(full(slice), slice);
    }

    BarSeries outOfSample(DataSlice slice) {
        return SeriesSlices.outOfSample(full(slice), slice);
    }

    /** From the start of the earlier range to the end of the later one: both ranges and anything between them. */
    BarSeries bothRanges(DataSlice slice) {
        long from = Math.min(slice.inSampleFrom(), slice.outOfSampleFrom());
        long to = Math.max(slice.inSampleTo(), slice.outOfSampleTo());
        return SeriesSlices.range(full(slice), from, to, "in-sample and out-of-sample");
    }

    private BarSeries full(DataSlice slice) {
        return bySymbol.get(slice.symbol());
    }
}
