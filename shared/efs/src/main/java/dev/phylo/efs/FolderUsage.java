package dev.phylo.efs;

import java.time.Instant;
import java.util.Objects;

/**
 * What a folder holds, counted without following links.
 *
 * @param files          entries that are not directories (regular files, and links counted as entries)
 * @param bytes          the regular files' sizes (EFS meters each file rounded up to 4 KiB, plus 2 KiB of metadata)
 * @param newestModified the latest modification time of any entry, the folder itself included
 */
public record FolderUsage(long files, long bytes, Instant newestModified) {

    public FolderUsage {
        Objects.requireNonNull(newestModified, "newestModified");
        if (files < 0 || bytes < 0) {
            throw new IllegalArgumentException("negative count: files %d, bytes %d".formatted(files, bytes));
        }
    }
}
