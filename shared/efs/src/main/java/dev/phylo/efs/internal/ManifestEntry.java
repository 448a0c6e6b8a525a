package dev.phylo.efs.internal;

import dev.phylo.efs.SnapshotRef;

/** The content of {@code latest.json}: the snapshot currently published for one symbol and interval. */
public record ManifestEntry(
        String symbol, String interval, String snapshotId, int rows, String firstTime, String lastTime) {

    public static ManifestEntry of(SnapshotRef ref) {
        return new ManifestEntry(
                ref.symbol(),
                ref.interval(),
                ref.snapshotId(),
                ref.rows(),
                IsoTimes.format(ref.firstTime()),
                IsoTimes.format(ref.lastTime()));
    }

    public SnapshotRef toRef() {
        return new SnapshotRef(
                snapshotId,
                symbol,
                interval,
                rows,
                IsoTimes.parse("firstTime", firstTime),
                IsoTimes.parse("lastTime", lastTime));
    }
}
