package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import dev.phylo.engine.data.BarInterval;

/**
 * Names one immutable market snapshot and summarises it. Times are epoch milliseconds (UTC) of the first and last
 * bar's open, as in {@link dev.phylo.engine.data.BarSeries#time()}.
 *
 * @param snapshotId 32 lower-case hex characters: the content hash
 * @param interval   canonical interval label ({@code 5m}, {@code 1d})
 */
public record SnapshotRef(String snapshotId, String symbol, String interval, int rows, long firstTime, long lastTime) {
    public SnapshotRef {
        Checks.hex32("snapshotId", snapshotId);
        Checks.symbol(symbol);
        Checks.interval(interval);
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be positive: " + rows);
        }
        if (rows == 1 ? firstTime != lastTime : firstTime >= lastTime) {
            throw new IllegalArgumentException(
                    "firstTime/lastTime do not fit %d rows: %d, %d".formatted(rows, firstTime, lastTime));
        }
    }

    /** The interval as the engine's type. */
    public BarInterval barInterval() {
        return BarInterval.parse(interval);
    }

    /** The snapshot directory relative to the shared folder's root, with {@code /} separators. */
    public String relativeDir() {
        return String.join(
                "/", EfsLayout.SNAPSHOTS, PathSegments.encode(symbol), PathSegments.encode(interval), snapshotId);
    }
}
