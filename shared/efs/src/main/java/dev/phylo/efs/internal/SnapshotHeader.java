package dev.phylo.efs.internal;

import java.util.List;

/**
 * The content of {@code snapshot.json}, as written. It is checked against the npy files and the requested snapshot by
 * {@link SnapshotHeaders}, which reports mismatches as corruption rather than as bad input.
 *
 * @param format    {@value SnapshotHeaders#FORMAT}
 * @param firstTime ISO-8601 UTC open time of the first bar
 * @param lastTime  ISO-8601 UTC open time of the last bar
 */
public record SnapshotHeader(
        String format,
        String symbol,
        String interval,
        int rows,
        String firstTime,
        String lastTime,
        List<ColumnEntry> columns,
        String snapshotId) {}
