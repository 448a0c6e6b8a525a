package dev.phylo.efs.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temporary names and durable writes for the write-then-rename protocol. A temporary name is
 * {@code .tmp-<target name>-<16 hex>} in the target's own directory (a rename is atomic only within one file system).
 * Names are claimed with exclusive creation, so two writers never share a temporary file even if their random
 * generators agree.
 */
public final class TempFiles {
    /** Every temporary file and directory name starts with this; readers and listings skip such names. */
    public static final String PREFIX = ".tmp-";

    private static final int MAX_BASE_LENGTH = 120;
    private static final int ATTEMPTS = 16;

    private TempFiles() {}

    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(PREFIX);
    }

    /** Writes {@code bytes} to a new temporary file beside {@code target}, fsyncs it and returns its path. */
    public static Path writeBeside(Path target, byte[] bytes) throws IOException {
        Path dir = parentOf(target);
        Files.createDirectories(dir);
        for (int attempt = 1; ; attempt++) {
            Path tmp = dir.resolve(name(target));
            FileChannel channel;
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            try (channel) {
                writeFully(channel, ByteBuffer.wrap(bytes));
                channel.force(true);
            } catch (IOException | RuntimeException e) {
                deleteAfterFailure(tmp, e);
                throw e;
            }
            return tmp;
        }
    }

    /** Creates a new, empty temporary directory beside {@code target}. */
    public static Path directoryBeside(Path target) throws IOException {
        Path dir = parentOf(target);
        Files.createDirectories(dir);
        for (int attempt = 1; ; attempt++) {
            try {
                return Files.createDirectory(dir.resolve(name(target)));
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Writes a whole buffer to a channel (a single {@code write} may be partial). */
    public static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** The bytes of {@code file}, or null when it does not exist. */
    public static byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Deletes a temporary file or directory tree after {@code failure}; a failed delete is attached to it. */
    public static void deleteAfterFailure(Path tmp, Throwable failure) {
        try {
            deleteTree(tmp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Deletes a file, or a directory and the files directly inside it (snapshot directories are flat). */
    public static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (var children = Files.list(path)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    Files.deleteIfExists(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    private static Path parentOf(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IllegalArgumentException("target has no parent directory: " + target);
        }
        return dir;
    }

    private static String name(Path target) {
        String base = target.getFileName().toString();
        if (base.length() > MAX_BASE_LENGTH) {
            base = base.substring(0, MAX_BASE_LENGTH);
        }
        long random = ThreadLocalRandom.current().nextLong() ^ System.nanoTime();
        return PREFIX + base + "-" + String.format("%016x", random);
    }
}
