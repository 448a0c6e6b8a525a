package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;

/**
 * The market data of a run for one symbol: a snapshot and its in-sample and out-of-sample time ranges. Times are epoch
 * milliseconds (UTC) of bar opens; ranges are {@code [from, to)} and must not overlap.
 *
 * @param interval   canonical interval label ({@code 1h})
 * @param snapshotId 32 lower-case hex characters
 */
public record DataSlice(
        String symbol,
        String interval,
        String snapshotId,
        long inSampleFrom,
        long inSampleTo,
        long outOfSampleFrom,
        long outOfSampleTo) {
    public DataSlice {
        Checks.symbol(symbol);
        Checks.interval(interval);
        Checks.hex32("snapshotId", snapshotId);
        if (inSampleFrom >= inSampleTo) {
            throw new IllegalArgumentException(
                    "%s: inSampleFrom >= inSampleTo: %d >= %d".formatted(symbol, inSampleFrom, inSampleTo));
        }
        if (outOfSampleFrom >= outOfSampleTo) {
            throw new IllegalArgumentException(
                    "%s: outOfSampleFrom >= outOfSampleTo: %d >= %d".formatted(symbol, outOfSampleFrom, outOfSampleTo));
        }
        if (inSampleFrom < outOfSampleTo && outOfSampleFrom < inSampleTo) {
            throw new IllegalArgumentException("%s: in-sample [%d, %d) overlaps out-of-sample [%d, %d)"
                    .formatted(symbol, inSampleFrom, inSampleTo, outOfSampleFrom, outOfSampleTo));
        }
    }
}
