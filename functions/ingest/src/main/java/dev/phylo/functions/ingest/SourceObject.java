package dev.phylo.functions.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * An object to ingest, identified by (bucket, key, version). Local files use bucket {@code "file"}, their absolute
 * path as key and the SHA-256 of their bytes as version.
 */
record SourceObject(String bucket, String key, String version, Long size, Map<String, String> metadata, Opener opener) {

    SourceObject {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        metadata = Map.copyOf(metadata);
    }

    /** {@code s3://bucket/key} or {@code file:/path}: how messages and {@code market_data.source} name it. */
    String uri() {
        return bucket.equals(LocalFiles.BUCKET) ? "file:" + key : "s3://" + bucket + "/" + key;
    }

    /** The file name: what format detection and messages use. */
    String name() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }

    InputStream open() throws IOException {
        return opener.open();
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }
}
