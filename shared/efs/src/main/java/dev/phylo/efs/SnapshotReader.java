package dev.phylo.efs;

import dev.phylo.efs.internal.ColumnEntry;
import dev.phylo.efs.internal.ColumnFiles;
import dev.phylo.efs.internal.SnapshotColumn;
import dev.phylo.efs.internal.SnapshotHeader;
import dev.phylo.efs.internal.SnapshotHeaders;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Loads snapshots. Each column file is memory-mapped read-only; its npy header (magic, version, dtype, shape,
 * fortran_order) is checked and its CRC32C compared with {@code snapshot.json}; then the data is copied in bulk into
 * the series' arrays. No content hash is computed on load: the CRC catches damaged bytes at memory speed.
 */
public final class SnapshotReader {
    private SnapshotReader() {}

    /**
     * Loads the snapshot {@code ref} names and checks that it matches {@code ref}'s rows and times.
     *
     * @throws SnapshotNotFoundException when there is no such snapshot
     * @throws SnapshotCorruptException  when a file is damaged or disagrees with the header or with {@code ref}
     */
    public static BarSeries load(EfsLayout layout, SnapshotRef ref) {
        Path dir = layout.snapshotDir(ref);
        Path headerFile = dir.resolve(EfsLayout.SNAPSHOT_HEADER);
        SnapshotHeader header = SnapshotHeaders.read(headerFile, ref.symbol(), ref.interval(), ref.snapshotId());
        SnapshotRef described = SnapshotHeaders.toRef(headerFile, header);
        if (!described.equals(ref)) {
            throw new SnapshotCorruptException(
                    headerFile, "describes %s, but the reference says %s".formatted(described, ref));
        }
        return read(dir, header, ref);
    }

    /** Loads snapshot {@code snapshotId} of {@code symbol} at {@code interval}. */
    public static BarSeries load(EfsLayout layout, String symbol, BarInterval interval, String snapshotId) {
        return load(layout, describe(layout, symbol, interval, snapshotId));
    }

    /**
     * The reference for a snapshot, from its {@code snapshot.json} alone (the column files are not read).
     *
     * @throws SnapshotNotFoundException when there is no such snapshot
     */
    public static SnapshotRef describe(EfsLayout layout, String symbol, BarInterval interval, String snapshotId) {
        Path headerFile = layout.snapshotDir(symbol, interval, snapshotId).resolve(EfsLayout.SNAPSHOT_HEADER);
        SnapshotHeader header = SnapshotHeaders.read(headerFile, symbol, interval.toString(), snapshotId);
        return SnapshotHeaders.toRef(headerFile, header);
    }

    /** Column data bytes a load of {@code ref} maps, checks and copies (6 columns × 8 bytes × rows): for MB/s figures. */
    public static long bytesOf(SnapshotRef ref) {
        return SnapshotHeaders.dataBytes(ref.rows()) * SnapshotColumn.values().length;
    }

    private static BarSeries read(Path dir, SnapshotHeader header, SnapshotRef ref) {
        int rows = header.rows();
        long[] time = new long[rows];
        column(dir, header, SnapshotColumn.TIME).asLongBuffer().get(time);
        double[] open = doubles(dir, header, SnapshotColumn.OPEN);
        double[] high = doubles(dir, header, SnapshotColumn.HIGH);
        double[] low = doubles(dir, header, SnapshotColumn.LOW);
        double[] close = doubles(dir, header, SnapshotColumn.CLOSE);
        double[] volume = doubles(dir, header, SnapshotColumn.VOLUME);
        Path timeFile = dir.resolve(SnapshotColumn.TIME.fileName());
        if (time[0] != ref.firstTime() || time[rows - 1] != ref.lastTime()) {
            throw new SnapshotCorruptException(
                    timeFile,
                    "column 'time' runs %d..%d, snapshot.json says %d..%d"
                            .formatted(time[0], time[rows - 1], ref.firstTime(), ref.lastTime()));
        }
        try {
            return BarSeries.of(ref.symbol(), ref.barInterval(), time, open, high, low, close, volume);
        } catch (IllegalArgumentException e) {
            throw new SnapshotCorruptException(timeFile, "does not form a bar series: " + e.getMessage(), e);
        }
    }

    private static double[] doubles(Path dir, SnapshotHeader header, SnapshotColumn column) {
        double[] values = new double[header.rows()];
        column(dir, header, column).asDoubleBuffer().get(values);
        return values;
    }

    private static ByteBuffer column(Path dir, SnapshotHeader header, SnapshotColumn column) {
        ColumnEntry entry = header.columns().get(column.ordinal());
        return ColumnFiles.checkedData(dir.resolve(column.fileName()), entry, header.rows());
    }
}
