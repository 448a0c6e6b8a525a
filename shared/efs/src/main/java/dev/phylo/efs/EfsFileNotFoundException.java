package dev.phylo.efs;

import java.nio.file.Path;

/** A file that must exist in the shared folder does not. */
public class EfsFileNotFoundException extends EfsFileException {
    public EfsFileNotFoundException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
