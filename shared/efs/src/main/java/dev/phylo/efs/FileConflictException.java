package dev.phylo.efs;

import java.nio.file.Path;

/**
 * A write-once file already exists with different content. Every step is deterministic, so a replay must produce
 * the same bytes; different bytes mean two different inputs claimed the same name (or a non-deterministic step).
 */
public final class FileConflictException extends EfsFileException {
    public FileConflictException(Path file, String problem) {
        super(file, problem);
    }
}
