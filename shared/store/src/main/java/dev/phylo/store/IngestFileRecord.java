package dev.phylo.store;

import java.util.Objects;

/**
 * One ingested object, keyed by (bucket, key, version): version is the S3 versionId, else the ETag, else (local
 * files) the SHA-256 of the bytes. Local files use the bucket {@code "file"}.
 */
public record IngestFileRecord(
        String bucket,
        String key,
        String version,
        String symbol,
        String interval,
        String mode,
        long rowsInserted,
        long rowsUpdated,
        long rowsUnchanged,
        long rowsRejected,
        String snapshotId) {

    public IngestFileRecord {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        if (!mode.equals("strict") && !mode.equals("lenient")) {
            throw new IllegalArgumentException("mode must be strict or lenient: " + mode);
        }
    }
}
