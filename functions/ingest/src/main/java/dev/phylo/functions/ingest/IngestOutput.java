package dev.phylo.functions.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** What one invocation did, per object and in total. */
@RegisterForReflection
public record IngestOutput(
        List<FileOutcome> files, long rowsInserted, long rowsUpdated, long rowsUnchanged, long rowsRejected) {

    public static IngestOutput of(List<FileOutcome> files) {
        long ins = 0, upd = 0, same = 0, rej = 0;
        for (FileOutcome f : files) {
            ins += f.rowsInserted();
            upd += f.rowsUpdated();
            same += f.rowsUnchanged();
            rej += f.rowsRejected();
        }
        return new IngestOutput(List.copyOf(files), ins, upd, same, rej);
    }

    /**
     * One object. {@code status} is {@code ingested}, or {@code duplicate} when this (bucket, key, version) was
     * ingested before (the counts are then those of the first ingest). {@code rejects} lists at most the first
     * {@value IngestService#MAX_REPORTED_REJECTS}; every reject is kept in {@code ingest_rejects}.
     */
    @RegisterForReflection
    public record FileOutcome(
            String bucket,
            String key,
            String version,
            String status,
            String symbol,
            String interval,
            String mode,
            long rowsInserted,
            long rowsUpdated,
            long rowsUnchanged,
            long rowsRejected,
            List<Reject> rejects,
            String snapshotId) {}

    @RegisterForReflection
    public record Reject(long line, String reason) {}
}
