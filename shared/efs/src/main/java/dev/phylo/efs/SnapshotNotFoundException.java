package dev.phylo.efs;

import java.nio.file.Path;

/** No snapshot with the requested id exists for the symbol and interval (its {@code snapshot.json} is missing). */
public final class SnapshotNotFoundException extends EfsFileNotFoundException {
    public SnapshotNotFoundException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
