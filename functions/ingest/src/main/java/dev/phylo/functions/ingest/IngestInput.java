package dev.phylo.functions.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Either an S3 event ({@code Records}) or a direct request. A direct request names the object ({@code s3://bucket/key}
 * or a local path), the symbol and interval, and optionally {@code format} ({@code csv}; {@code .gz} is recognised by
 * name), {@code mode} ({@code strict}, the default, or {@code lenient}), {@code columns} (a column mapping as in
 * {@code phylo backtest --columns}) and {@code timezone} for timestamps without an offset.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestInput(
        @JsonProperty("Records") List<S3EventRecord> records,
        String uri,
        String symbol,
        String interval,
        String format,
        String mode,
        String columns,
        String timezone) {

    public boolean isS3Event() {
        return records != null && !records.isEmpty();
    }

    /** One record of an S3 notification; only the fields ingest needs. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3EventRecord(String eventSource, String eventName, S3 s3) {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3(Bucket bucket, S3Object object) {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String name) {}

    /** {@code key} is URL-encoded in S3 events (a space arrives as {@code +}). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Object(String key, Long size, String eTag, String versionId) {}
}
