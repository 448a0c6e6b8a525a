package dev.phylo.stepfunctions.internal;

import dev.phylo.stepfunctions.ObjectStore;
import java.io.IOException;
import java.util.Optional;

/** {@link ObjectStore#none()}: the object store of an execution that was given none. Every call fails. */
public enum NoObjectStore implements ObjectStore {
    INSTANCE;

    private static final String MESSAGE =
            "no object store is configured for this execution (ExecutionOptions.withObjectStore)";

    @Override
    public Optional<byte[]> get(String bucket, String key) throws IOException {
        throw new IOException(MESSAGE);
    }

    @Override
    public void put(String bucket, String key, byte[] content) throws IOException {
        throw new IOException(MESSAGE);
    }

    @Override
    public String toString() {
        return "ObjectStore.none()";
    }
}
