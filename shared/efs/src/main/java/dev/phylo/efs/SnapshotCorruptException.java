package dev.phylo.efs;

import java.nio.file.Path;

/**
 * A snapshot file disagrees with its header or with the npy format: wrong magic, version, dtype or shape, a truncated
 * column, or a CRC32C mismatch. The message names the file (and so the column) and the values that mismatched.
 * Snapshots are immutable, so this never heals by itself: the directory must be removed and the data re-ingested.
 */
public final class SnapshotCorruptException extends EfsFileException {
    public SnapshotCorruptException(Path file, String problem) {
        super(file, problem);
    }

    public SnapshotCorruptException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
