package dev.phylo.stepfunctions;

import dev.phylo.stepfunctions.internal.DirectoryObjectStore;
import dev.phylo.stepfunctions.internal.NoObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local stand-in for Amazon S3 that a Distributed Map's {@code ItemReader} reads its items from and its
 * {@code ResultWriter} writes its results to. Implementations must be thread-safe: several Map states may use the store
 * at once. A failing call (an exception) fails the Map state with {@code States.ItemReaderFailed} or {@code
 * States.ResultWriterFailed}.
 */
public interface ObjectStore {

    /** The content of s3://bucket/key, or empty when there is no such object. */
    Optional<byte[]> get(String bucket, String key) throws IOException;

    /** Stores {@code content} as s3://bucket/key, replacing any object already there. */
    void put(String bucket, String key, byte[] content) throws IOException;

    /**
     * A store in a directory: s3://bucket/key is the file {@code root/bucket/key}. {@link #put} creates the parent
     * directories and writes through a temporary file renamed into place, so a reader never sees half an object. A
     * bucket or key that would leave {@code root} (an empty, {@code .} or {@code ..} segment, a leading {@code /}, a
     * {@code /} in the bucket) is refused with an {@link IllegalArgumentException}.
     */
    static ObjectStore directory(Path root) {
        return new DirectoryObjectStore(root);
    }

    /**
     * The store of an execution given none: every call fails with "no object store is configured for this execution
     * (ExecutionOptions.withObjectStore)".
     */
    static ObjectStore none() {
        return NoObjectStore.INSTANCE;
    }
}
