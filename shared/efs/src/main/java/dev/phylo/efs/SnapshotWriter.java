package dev.phylo.efs;

import dev.phylo.efs.internal.ColumnBuffers;
import dev.phylo.efs.internal.ColumnFiles;
import dev.phylo.efs.internal.NpyHeader;
import dev.phylo.efs.internal.SnapshotColumn;
import dev.phylo.efs.internal.SnapshotDigest;
import dev.phylo.efs.internal.SnapshotHeader;
import dev.phylo.efs.internal.SnapshotHeaders;
import dev.phylo.efs.internal.TempFiles;
import dev.phylo.engine.data.BarSeries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a bar series as an immutable, content-addressed snapshot: one {@code .npy} file per column plus
 * {@code snapshot.json}, in {@code snapshots/<symbol>/<interval>/<snapshotId>/}.
 *
 * <p>The files go into a temporary directory beside the target, which is then renamed atomically. The same bars always
 * give the same id, so writing them again (a replayed ingest) finds the directory, checks it and writes nothing,
 * unless a file there no longer verifies: then it is rewritten in place (see {@link #repair}).
 */
public final class SnapshotWriter {
    /** Most rows a snapshot may hold: each column file must stay below 2 GiB to be memory-mapped in one piece. */
    public static final int MAX_ROWS = (Integer.MAX_VALUE - 1024) / 8;

    private SnapshotWriter() {}

    /**
     * Writes {@code series} (or finds it already written) and returns its reference. The manifest is not touched: see
     * {@link SnapshotManifest#publish}.
     *
     * @throws IllegalArgumentException  for an empty or oversized series, or a symbol that cannot be a path component
     * @throws SnapshotCorruptException  when a snapshot with the same id exists, does not verify, and still does not
     *                                   once its files were rewritten
     * @throws EfsFileException          when the files cannot be written
     */
    public static SnapshotRef write(EfsLayout layout, BarSeries series) {
        if (series.size() < 1 || series.size() > MAX_ROWS) {
            throw new IllegalArgumentException(
                    "a snapshot holds 1..%d bars, %s has %d".formatted(MAX_ROWS, series, series.size()));
        }
        ByteBuffer scratch = ColumnBuffers.scratch(series);
        SnapshotDigest digest = SnapshotDigest.of(series, scratch);
        long[] time = series.time();
        SnapshotRef ref = new SnapshotRef(
                digest.snapshotId(),
                series.symbol(),
                series.interval().toString(),
                series.size(),
                time[0],
                time[time.length - 1]);
        SnapshotHeader header = SnapshotHeaders.of(ref, digest.crcs());
        byte[] headerJson = AtomicFiles.toJson(header);
        Path target = layout.snapshotDir(ref);
        if (Files.isDirectory(target)) {
            try {
                verifyExisting(target, header, headerJson);
            } catch (SnapshotCorruptException damaged) {
                repair(target, writeTemporary(target, series, scratch, headerJson), damaged);
                verifyExisting(target, header, headerJson);
            }
            return ref;
        }
        Path tmp = writeTemporary(target, series, scratch, headerJson);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                EfsFileException failure = new EfsFileException(
                        target, "cannot rename %s into place: %s".formatted(tmp.getFileName(), e), e);
                TempFiles.deleteAfterFailure(tmp, failure);
                throw failure;
            }
            discard(tmp, target);
            verifyExisting(target, header, headerJson);
        }
        return ref;
    }

    private static Path writeTemporary(Path target, BarSeries series, ByteBuffer scratch, byte[] headerJson) {
        Path tmp;
        try {
            tmp = TempFiles.directoryBeside(target);
        } catch (IOException e) {
            throw new EfsFileException(target, "cannot create a temporary directory beside it: " + e, e);
        }
        try {
            for (SnapshotColumn column : SnapshotColumn.values()) {
                byte[] npyHeader = NpyHeader.encode(column.dtype(), series.size());
                writeFile(
                        tmp.resolve(column.fileName()),
                        ByteBuffer.wrap(npyHeader),
                        ColumnBuffers.fill(series, column, scratch));
            }
            writeFile(tmp.resolve(EfsLayout.SNAPSHOT_HEADER), ByteBuffer.wrap(headerJson));
        } catch (IOException e) {
            EfsFileException failure = new EfsFileException(tmp, "cannot write snapshot files: " + e, e);
            TempFiles.deleteAfterFailure(tmp, failure);
            throw failure;
        } catch (RuntimeException e) {
            TempFiles.deleteAfterFailure(tmp, e);
            throw e;
        }
        return tmp;
    }

    private static void writeFile(Path file, ByteBuffer... parts) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (ByteBuffer part : parts) {
                TempFiles.writeFully(channel, part);
            }
            channel.force(true);
        }
    }

    /** A replay: the directory must hold exactly the header we computed, and every column must verify. */
    private static void verifyExisting(Path target, SnapshotHeader header, byte[] headerJson) {
        Path headerFile = target.resolve(EfsLayout.SNAPSHOT_HEADER);
        byte[] existing;
        try {
            existing = AtomicFiles.read(headerFile);
        } catch (EfsFileNotFoundException e) {
            throw new SnapshotCorruptException(headerFile, "missing from an existing snapshot directory", e);
        }
        if (!Arrays.equals(existing, headerJson)) {
            throw new SnapshotCorruptException(
                    headerFile,
                    "differs from the header computed from the same bars (snapshot %s)".formatted(header.snapshotId()));
        }
        for (SnapshotColumn column : SnapshotColumn.values()) {
            ColumnFiles.checkedData(
                    target.resolve(column.fileName()), header.columns().get(column.ordinal()), header.rows());
        }
    }

    /**
     * A snapshot whose files were damaged after it was written (a flipped byte, a truncated column): the same bars give
     * the same files, so each file is replaced by a rename of its freshly written copy over it. A reader sees the
     * damaged file or the good one, never a missing or half-written one, and the directory never disappears; a reader
     * that mapped a damaged column keeps its mapping and fails its checksum, as it would have anyway.
     */
    private static void repair(Path target, Path fresh, SnapshotCorruptException damaged) {
        try {
            for (SnapshotColumn column : SnapshotColumn.values()) {
                Files.move(
                        fresh.resolve(column.fileName()),
                        target.resolve(column.fileName()),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(
                    fresh.resolve(EfsLayout.SNAPSHOT_HEADER),
                    target.resolve(EfsLayout.SNAPSHOT_HEADER),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            TempFiles.deleteTree(fresh);
        } catch (IOException e) {
            EfsFileException failure = new EfsFileException(
                    target, "cannot replace the damaged snapshot files (%s): %s".formatted(damaged.getMessage(), e), e);
            TempFiles.deleteAfterFailure(fresh, failure);
            throw failure;
        }
    }

    private static void discard(Path tmp, Path target) {
        try {
            TempFiles.deleteTree(tmp);
        } catch (IOException e) {
            throw new EfsFileException(
                    tmp,
                    "cannot remove the temporary copy of %s, which another writer created first: %s"
                            .formatted(target.getFileName(), e),
                    e);
        }
    }
}
