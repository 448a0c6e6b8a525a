package dev.phylo.efs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file in the shared folder could not be read or written, or its content is not what it must be. The message names
 * the file and says what was wrong.
 */
public class EfsFileException extends RuntimeException {
    private final transient Path file;
    private final String problem;

    public EfsFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public EfsFileException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file (or directory) the problem is about. */
    public Path file() {
        return file;
    }

    /** What was wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
