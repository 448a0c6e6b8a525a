package dev.phylo.efs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.phylo.efs.internal.JsonCodec;
import dev.phylo.efs.internal.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Atomic file writes for the shared folder. Bytes go to {@code .tmp-<name>-<random>} in the target's directory, are
 * fsynced, and the file is renamed over the target ({@link StandardCopyOption#ATOMIC_MOVE}), so a reader sees the old
 * file or the new one, never part of one. Writing the bytes a file already holds touches nothing.
 *
 * <p>JSON is canonical: compact, record components in declaration order, map keys sorted, doubles in their shortest
 * round-trip form, one trailing newline. The same value always gives the same bytes.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code bytes} to {@code target}, replacing any other content atomically. */
    public static WriteOutcome write(Path target, byte[] bytes) {
        byte[] existing = readExisting(target);
        if (existing != null && Arrays.equals(existing, bytes)) {
            return WriteOutcome.UNCHANGED;
        }
        replace(target, bytes);
        return existing == null ? WriteOutcome.CREATED : WriteOutcome.REPLACED;
    }

    /**
     * Writes an immutable file: creates it, or does nothing when it already holds exactly these bytes.
     *
     * @throws FileConflictException when the file exists with other content
     */
    public static WriteOutcome writeOnce(Path target, byte[] bytes) {
        byte[] existing = readExisting(target);
        if (existing != null) {
            if (Arrays.equals(existing, bytes)) {
                return WriteOutcome.UNCHANGED;
            }
            throw new FileConflictException(
                    target,
                    "already exists with different content (%d bytes on disk, %d bytes to write); written files are immutable"
                            .formatted(existing.length, bytes.length));
        }
        replace(target, bytes);
        return WriteOutcome.CREATED;
    }

    /** {@link #write} of the canonical JSON of {@code value}. */
    public static WriteOutcome writeJson(Path target, Object value) {
        return write(target, json(target, value));
    }

    /** {@link #writeOnce} of the canonical JSON of {@code value}. */
    public static WriteOutcome writeJsonOnce(Path target, Object value) {
        return writeOnce(target, json(target, value));
    }

    /** The canonical JSON bytes of {@code value} (what {@link #writeJson} writes). */
    public static byte[] toJson(Object value) {
        Objects.requireNonNull(value, "value");
        try {
            return JsonCodec.toBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a JSON file written by {@link #writeJson}.
     *
     * @throws EfsFileNotFoundException when the file does not exist
     * @throws EfsFileException         when it cannot be read or is not a valid {@code type}
     */
    public static <T> T readJson(Path file, Class<T> type) {
        byte[] bytes = read(file);
        if (bytes.length == 0) {
            throw new EfsFileException(file, "empty file, expected JSON " + type.getSimpleName());
        }
        try {
            return JsonCodec.fromBytes(bytes, type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line %d, column %d)".formatted(at.getLineNr(), at.getColumnNr());
            throw new EfsFileException(
                    file, "not a valid %s%s: %s".formatted(type.getSimpleName(), where, e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new EfsFileException(file, "cannot parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a whole file.
     *
     * @throws EfsFileNotFoundException when the file does not exist
     */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EfsFileNotFoundException(file, "missing", e);
        } catch (IOException e) {
            throw new EfsFileException(file, "cannot read: " + e, e);
        }
    }

    /** Whether {@code file} is a temporary file of an unfinished (or crashed) write, which readers must skip. */
    public static boolean isTemporary(Path file) {
        Path name = file.getFileName();
        return name != null && TempFiles.isTemporary(name.toString());
    }

    private static byte[] json(Path target, Object value) {
        try {
            return JsonCodec.toBytes(value);
        } catch (JsonProcessingException e) {
            throw new EfsFileException(
                    target,
                    "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    private static byte[] readExisting(Path target) {
        try {
            return TempFiles.readIfExists(target);
        } catch (IOException e) {
            throw new EfsFileException(target, "cannot read the existing file: " + e, e);
        }
    }

    private static void replace(Path target, byte[] bytes) {
        Path tmp;
        try {
            tmp = TempFiles.writeBeside(target, bytes);
        } catch (IOException e) {
            throw new EfsFileException(target, "cannot write a temporary file beside it: " + e, e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            EfsFileException failure =
                    new EfsFileException(target, "cannot rename %s over it: %s".formatted(tmp.getFileName(), e), e);
            TempFiles.deleteAfterFailure(tmp, failure);
            throw failure;
        }
    }
}
