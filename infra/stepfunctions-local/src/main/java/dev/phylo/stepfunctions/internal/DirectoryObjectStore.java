package dev.phylo.stepfunctions.internal;

import dev.phylo.stepfunctions.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ObjectStore#directory(Path)}: s3://bucket/key is the file {@code root/bucket/key}. Objects are written to a
 * temporary file next to their place and renamed into it, so a reader sees the old object or the new one, never a
 * part. Thread-safe (every call works on the file system alone).
 */
public final class DirectoryObjectStore implements ObjectStore {

    private final Path root;

    public DirectoryObjectStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) throws IOException {
        Path file = resolve(bucket, key);
        if (Files.isDirectory(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String bucket, String key, byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path file = resolve(bucket, key);
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".put-", ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file of s3://bucket/key; refuses names that would not stay inside {@code root/bucket}. */
    Path resolve(String bucket, String key) {
        if (bucket == null || bucket.isEmpty() || bucket.contains("/") || bucket.contains("\\")) {
            throw new IllegalArgumentException(
                    "bucket \"" + bucket + "\" must be a non-empty name without '/' or '\\' for a directory store");
        }
        checkSegment(bucket, "bucket", bucket);
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the key of an object in bucket \"" + bucket + "\" must not be empty");
        }
        if (key.contains("\\")) {
            throw new IllegalArgumentException("key \"" + key + "\" contains '\\', which a directory store refuses");
        }
        for (String segment : key.split("/", -1)) {
            checkSegment(segment, "key", key);
        }
        Path bucketDir = root.resolve(bucket);
        Path file = bucketDir.resolve(key).normalize();
        if (!file.startsWith(bucketDir) || file.equals(bucketDir)) {
            throw new IllegalArgumentException("s3://" + bucket + "/" + key + " would leave " + bucketDir);
        }
        return file;
    }

    private static void checkSegment(String segment, String what, String whole) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " \"" + whole + "\" has an empty, \".\", \"..\" or NUL"
                    + " path segment, which a directory store refuses (it would not name one file under its root)");
        }
    }

    @Override
    public String toString() {
        return "ObjectStore.directory(" + root + ")";
    }
}
