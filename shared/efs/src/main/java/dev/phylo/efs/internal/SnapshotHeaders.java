package dev.phylo.efs.internal;

import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.EfsFileException;
import dev.phylo.efs.EfsFileNotFoundException;
import dev.phylo.efs.SnapshotCorruptException;
import dev.phylo.efs.SnapshotNotFoundException;
import dev.phylo.efs.SnapshotRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Builds {@code snapshot.json} for the writer and checks it for the reader. */
public final class SnapshotHeaders {
    /** The format tag in {@code snapshot.json} and at the start of the hashed byte stream. */
    public static final String FORMAT = "phylo-snapshot/1";

    private static final Pattern CRC = Pattern.compile("[0-9a-f]{8}");

    private SnapshotHeaders() {}

    /** The header of a snapshot whose column CRC32C values are {@code crcs} (in {@link SnapshotColumn} order). */
    public static SnapshotHeader of(SnapshotRef ref, long[] crcs) {
        List<ColumnEntry> columns = new ArrayList<>();
        for (SnapshotColumn column : SnapshotColumn.values()) {
            columns.add(new ColumnEntry(
                    column.label(),
                    column.dtype(),
                    column.fileName(),
                    NpyHeader.dataOffset(column.dtype(), ref.rows()),
                    dataBytes(ref.rows()),
                    crcHex(crcs[column.ordinal()])));
        }
        return new SnapshotHeader(
                FORMAT,
                ref.symbol(),
                ref.interval(),
                ref.rows(),
                IsoTimes.format(ref.firstTime()),
                IsoTimes.format(ref.lastTime()),
                List.copyOf(columns),
                ref.snapshotId());
    }

    public static long dataBytes(int rows) {
        return (long) rows * SnapshotColumn.ITEM_BYTES;
    }

    public static String crcHex(long crc) {
        return "%08x".formatted(crc);
    }

    /**
     * Reads {@code file} and checks it describes snapshot {@code snapshotId} of {@code symbol} {@code interval}.
     *
     * @throws SnapshotNotFoundException when the file is missing
     * @throws SnapshotCorruptException  when it is unreadable or inconsistent
     */
    public static SnapshotHeader read(Path file, String symbol, String interval, String snapshotId) {
        SnapshotHeader header;
        try {
            header = AtomicFiles.readJson(file, SnapshotHeader.class);
        } catch (EfsFileNotFoundException e) {
            throw new SnapshotNotFoundException(
                    file, "no snapshot %s for %s %s".formatted(snapshotId, symbol, interval), e);
        } catch (EfsFileException e) {
            throw new SnapshotCorruptException(file, e.problem(), e);
        }
        check(file, header, symbol, interval, snapshotId);
        return header;
    }

    /** The reference a checked header describes. */
    public static SnapshotRef toRef(Path file, SnapshotHeader header) {
        try {
            return new SnapshotRef(
                    header.snapshotId(),
                    header.symbol(),
                    header.interval(),
                    header.rows(),
                    IsoTimes.parse("firstTime", header.firstTime()),
                    IsoTimes.parse("lastTime", header.lastTime()));
        } catch (IllegalArgumentException e) {
            throw new SnapshotCorruptException(file, e.getMessage(), e);
        }
    }

    private static void check(Path file, SnapshotHeader h, String symbol, String interval, String snapshotId) {
        expect(file, "format", h.format(), FORMAT);
        expect(file, "snapshotId", h.snapshotId(), snapshotId);
        expect(file, "symbol", h.symbol(), symbol);
        expect(file, "interval", h.interval(), interval);
        toRef(file, h);
        if (h.columns() == null || h.columns().size() != SnapshotColumn.values().length) {
            throw new SnapshotCorruptException(
                    file,
                    "expected %d columns, found %s"
                            .formatted(
                                    SnapshotColumn.values().length,
                                    h.columns() == null ? "none" : h.columns().size()));
        }
        for (SnapshotColumn column : SnapshotColumn.values()) {
            ColumnEntry entry = h.columns().get(column.ordinal());
            String at = "columns[" + column.ordinal() + "].";
            expect(file, at + "name", entry.name(), column.label());
            expect(file, at + "dtype", entry.dtype(), column.dtype());
            expect(file, at + "file", entry.file(), column.fileName());
            expect(file, at + "bytes", entry.bytes(), dataBytes(h.rows()));
            expect(file, at + "dataOffset", entry.dataOffset(), (long) NpyHeader.dataOffset(column.dtype(), h.rows()));
            if (entry.crc32c() == null || !CRC.matcher(entry.crc32c()).matches()) {
                throw new SnapshotCorruptException(
                        file, "%scrc32c is \"%s\", expected 8 lower-case hex digits".formatted(at, entry.crc32c()));
            }
        }
    }

    private static void expect(Path file, String field, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            throw new SnapshotCorruptException(
                    file, "%s is %s, expected %s".formatted(field, show(actual), show(expected)));
        }
    }

    private static String show(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
