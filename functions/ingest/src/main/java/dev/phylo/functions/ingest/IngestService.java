package dev.phylo.functions.ingest;

import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.SnapshotCorruptException;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotNotFoundException;
import dev.phylo.efs.SnapshotReader;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.ColumnMapping;
import dev.phylo.engine.data.CsvOptions;
import dev.phylo.engine.data.CsvReadResult;
import dev.phylo.engine.data.RowIssue;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.store.Database;
import dev.phylo.store.IngestFileRecord;
import dev.phylo.store.IngestFileRepository;
import dev.phylo.store.IngestReject;
import dev.phylo.store.MarketDataRepository;
import dev.phylo.store.UpsertCounts;
import dev.phylo.telemetry.Emf;
import dev.phylo.telemetry.Metric;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ingests objects: skip a (bucket, key, version) seen before; parse and validate with the engine's rules (strict:
 * the first bad row rejects the object before anything is written; lenient: bad rows are dropped and recorded);
 * write into {@code market_data} (a plain insert when no stored row overlaps the file's range, else an upsert), take
 * the pair's full series (read back, or, when the pair held nothing before, the file's bars as numeric(20,8) stores
 * them), and write and publish the content-addressed EFS snapshot, all under the pair's advisory lock in one
 * transaction; record the object last, so a crash before
 * that point makes the redelivery redo (idempotently) rather than skip.
 */
@ApplicationScoped
public class IngestService {

    static final int MAX_REPORTED_REJECTS = 100;
    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final Database database;
    private final MarketDataRepository marketData;
    private final IngestFileRepository files;
    private final S3Objects s3;
    private final EfsLayout efs;
    private final long maxBytes;

    public IngestService(
            Database database,
            MarketDataRepository marketData,
            IngestFileRepository files,
            S3Objects s3,
            @ConfigProperty(name = "phylo.efs.root") Path efsRoot,
            @ConfigProperty(name = "phylo.ingest.max-bytes") long maxBytes) {
        this.database = database;
        this.marketData = marketData;
        this.files = files;
        this.s3 = s3;
        this.efs = new EfsLayout(efsRoot);
        this.maxBytes = maxBytes;
    }

    public IngestOutput ingest(IngestInput input) {
        List<IngestOutput.FileOutcome> outcomes = new ArrayList<>();
        if (input.isS3Event()) {
            for (IngestInput.S3EventRecord record : input.records()) {
                if (record.eventName() != null && !record.eventName().startsWith("ObjectCreated")) {
                    LOG.infof("skipping S3 event %s for %s", record.eventName(), record.s3());
                    continue;
                }
                SourceObject object = s3.fromEvent(record, maxBytes);
                outcomes.add(ingest(object, true, null, null, null, "strict", null, null));
            }
        } else {
            if (input.uri() == null || input.uri().isBlank()) {
                throw new InvalidRequestException(
                        "request has neither S3 'Records' nor a 'uri' (s3://bucket/key or a local "
                                + "path) to ingest");
            }
            SourceObject object = input.uri().startsWith("s3://")
                    ? s3.fromUri(input.uri(), maxBytes)
                    : LocalFiles.resolve(input.uri(), maxBytes);
            outcomes.add(ingest(
                    object,
                    false,
                    input.symbol(),
                    input.interval(),
                    input.format(),
                    mode(input.mode()),
                    input.columns(),
                    input.timezone()));
        }
        return IngestOutput.of(outcomes);
    }

    /**
     * One object. A version seen before is skipped as a duplicate when it came as an S3 event (a redelivery must not
     * bring back values a later file replaced), or when the pair's published snapshot is still the one it produced.
     * A direct request for a version whose pair has changed since is ingested again: the caller asked for this
     * data now, and a run that follows must see it.
     */
    private IngestOutput.FileOutcome ingest(
            SourceObject object,
            boolean fromEvent,
            String symbol,
            String interval,
            String format,
            String mode,
            String columns,
            String timezone) {
        Optional<IngestFileRecord> seen = database.await(
                "look up ingest_files", c -> files.find(c, object.bucket(), object.key(), object.version()));
        if (seen.isPresent()) {
            boolean current = stillCurrent(seen.get());
            Optional<String> damage = current ? damage(seen.get()) : Optional.empty();
            if (damage.isPresent()) {
                // the pair's published snapshot is this file's but no longer verifies: ingesting the file again
                // rewrites it from the store (SnapshotWriter repairs a damaged snapshot of the same bars)
                LOG.warnf(
                        "%s (%s) was ingested before, but its snapshot is damaged (%s): ingesting it again to "
                                + "republish it",
                        object.uri(), object.version(), damage.get());
            } else if (fromEvent || current) {
                LOG.infof("%s (%s) was ingested before: skipped", object.uri(), object.version());
                return outcome(seen.get(), "duplicate", List.of());
            } else {
                LOG.infof(
                        "%s (%s) was ingested before, but %s %s has changed since: ingesting it again",
                        object.uri(),
                        object.version(),
                        seen.get().symbol(),
                        seen.get().interval());
            }
        }
        Dataset dataset = Dataset.resolve(object, symbol, interval);
        boolean gzipped = CsvDecoding.gzipped(object, format);
        CsvOptions options = options(object, dataset, mode, columns, timezone);
        CsvReadResult parsed = CsvDecoding.read(object, gzipped, options, maxBytes);
        List<IngestReject> rejects = rejects(parsed.dropped());
        BarSeries bars = parsed.series(); // the reader fails on an object without a single good bar

        String lockKey = "market_data:" + dataset.symbol() + "/" + dataset.interval();
        // Under the pair's lock, in one transaction: look the object up again (a concurrent delivery of it may have
        // committed since the check above), write the bars, publish the snapshot, record the object. A rollback
        // leaves no record, and two deliveries at once store and record the object once.
        Stored stored = database.await(
                "upsert market_data for " + dataset.symbol() + " " + dataset.interval(),
                c -> c.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                        .execute(Tuple.of(lockKey))
                        .flatMap(locked -> files.find(c, object.bucket(), object.key(), object.version()))
                        .flatMap(again -> Uni.createFrom()
                                .item(() ->
                                        again.isPresent() && seen.isEmpty() && (fromEvent || stillCurrent(again.get())))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // reads the manifest
                                .flatMap(duplicate -> duplicate
                                        ? Uni.createFrom().item(Stored.duplicate(again.get()))
                                        : write(c, object, dataset, bars, mode, rejects))));
        if (stored.duplicateOf() != null) {
            LOG.infof("%s (%s) was ingested by a concurrent delivery: skipped", object.uri(), object.version());
            return outcome(stored.duplicateOf(), "duplicate", List.of());
        }
        IngestFileRecord record = stored.record();
        UpsertCounts counts = stored.counts();
        String snapshotId = record.snapshotId();
        LOG.infof(
                "ingested %s: %d inserted, %d updated, %d unchanged, %d rejected; snapshot %s",
                object.uri(), counts.inserted(), counts.updated(), counts.unchanged(), rejects.size(), snapshotId);
        Emf.emit(
                List.of(
                        Metric.count("RowsIngested", counts.inserted() + counts.updated()),
                        Metric.count("RowsRejected", rejects.size())),
                Map.of(
                        "symbol",
                        dataset.symbol(),
                        "interval",
                        dataset.interval().toString(),
                        "object",
                        object.uri()));
        return outcome(record, "ingested", rejects);
    }

    /** What is wrong with {@code seen}'s snapshot, read whole and checked against its checksums; empty if nothing. */
    private Optional<String> damage(IngestFileRecord seen) {
        if (seen.snapshotId() == null) {
            return Optional.empty();
        }
        try {
            SnapshotReader.load(efs, seen.symbol(), BarInterval.parse(seen.interval()), seen.snapshotId());
            return Optional.empty();
        } catch (SnapshotCorruptException | SnapshotNotFoundException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether the pair's published snapshot is still the one {@code seen} produced (nothing ingested since). */
    private boolean stillCurrent(IngestFileRecord seen) {
        if (seen.snapshotId() == null) {
            return true; // recorded without a snapshot: nothing to compare, keep the first answer
        }
        return SnapshotManifest.latest(efs, seen.symbol(), BarInterval.parse(seen.interval()))
                .map(latest -> latest.snapshotId().equals(seen.snapshotId()))
                .orElse(false);
    }

    private static CsvOptions options(
            SourceObject object, Dataset dataset, String mode, String columns, String timezone) {
        CsvOptions options = CsvOptions.defaults()
                .withSymbol(dataset.symbol())
                .withInterval(dataset.interval())
                .withLenient(mode.equals("lenient"));
        try {
            if (columns != null && !columns.isBlank()) {
                options = options.withMapping(ColumnMapping.parse(columns));
            }
            if (timezone != null && !timezone.isBlank()) {
                options = options.withZone(ZoneId.of(timezone));
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidRequestException("bad request for " + object.uri() + ": " + e.getMessage(), e);
        }
        return options;
    }

    private static String mode(String requested) {
        if (requested == null || requested.isBlank()) {
            return "strict";
        }
        if (!requested.equals("strict") && !requested.equals("lenient")) {
            throw new InvalidRequestException("mode must be 'strict' (default) or 'lenient', got '" + requested + "'");
        }
        return requested;
    }

    private static List<IngestReject> rejects(List<RowIssue> dropped) {
        List<IngestReject> out = new ArrayList<>(dropped.size());
        for (RowIssue issue : dropped) {
            String reason = issue.field() == null ? issue.reason() : issue.field() + ": " + issue.reason();
            out.add(new IngestReject(issue.line(), reason));
        }
        return out;
    }

    private static IngestOutput.FileOutcome outcome(IngestFileRecord r, String status, List<IngestReject> rejects) {
        List<IngestOutput.Reject> shown = rejects.stream()
                .limit(MAX_REPORTED_REJECTS)
                .map(x -> new IngestOutput.Reject(x.line(), x.reason()))
                .toList();
        return new IngestOutput.FileOutcome(
                r.bucket(),
                r.key(),
                r.version(),
                status,
                r.symbol(),
                r.interval(),
                r.mode(),
                r.rowsInserted(),
                r.rowsUpdated(),
                r.rowsUnchanged(),
                r.rowsRejected(),
                shown,
                r.snapshotId());
    }

    /**
     * Writes and publishes the snapshot of everything stored for the pair. Called while the transaction still holds
     * the pair's advisory lock, so concurrent ingests of one pair publish in the order they commit and the manifest
     * never goes back to an older snapshot. A retried transaction republishes the same content-addressed snapshot.
     */
    private SnapshotRef publish(BarSeries all) {
        SnapshotRef snapshot = SnapshotWriter.write(efs, all);
        SnapshotManifest.publish(efs, snapshot);
        return snapshot;
    }

    /**
     * Writes the bars, publishes the pair's snapshot and records the object, on {@code c} inside the pair's lock.
     */
    private Uni<Stored> write(
            SqlConnection c,
            SourceObject object,
            Dataset dataset,
            BarSeries bars,
            String mode,
            List<IngestReject> rejects) {
        return marketData
                .occupancy(c, bars)
                .flatMap(occupancy -> marketData
                        .write(c, bars, object.uri(), occupancy)
                        .flatMap(counts -> (occupancy.stored()
                                        ? marketData.read(c, dataset.symbol(), dataset.interval())
                                        : Uni.createFrom().item(MarketDataRepository.asStored(bars)))
                                .flatMap(all -> Uni.createFrom()
                                        .item(() -> publish(all))
                                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                                .flatMap(snapshot -> {
                                    IngestFileRecord record = new IngestFileRecord(
                                            object.bucket(),
                                            object.key(),
                                            object.version(),
                                            dataset.symbol(),
                                            dataset.interval().toString(),
                                            mode,
                                            counts.inserted(),
                                            counts.updated(),
                                            counts.unchanged(),
                                            rejects.size(),
                                            snapshot.snapshotId());
                                    return files.record(c, record, rejects)
                                            .replaceWith(new Stored(counts, record, null));
                                })));
    }

    /** What the transaction did: the counts and the record written, or the record of a concurrent delivery. */
    private record Stored(UpsertCounts counts, IngestFileRecord record, IngestFileRecord duplicateOf) {
        static Stored duplicate(IngestFileRecord record) {
            return new Stored(null, null, record);
        }
    }
}
