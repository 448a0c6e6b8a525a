package dev.phylo.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ingest_files} and {@code ingest_rejects}: which objects were ingested, so a redelivery is skipped. Recording a
 * version again (a direct request re-applied after its pair changed) replaces its counts and snapshot; recording the
 * same values again changes no row.
 */
@ApplicationScoped
public class IngestFileRepository {

    private static final String FIND = """
            SELECT bucket, key, version, symbol, "interval", mode, rows_inserted, rows_updated, rows_unchanged,
                   rows_rejected, snapshot_id
              FROM ingest_files WHERE bucket = $1 AND key = $2 AND version = $3""";

    private static final String INSERT = """
            INSERT INTO ingest_files (bucket, key, version, symbol, "interval", mode, rows_inserted, rows_updated,
                                      rows_unchanged, rows_rejected, snapshot_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (bucket, key, version) DO UPDATE
               SET mode = EXCLUDED.mode, rows_inserted = EXCLUDED.rows_inserted,
                   rows_updated = EXCLUDED.rows_updated, rows_unchanged = EXCLUDED.rows_unchanged,
                   rows_rejected = EXCLUDED.rows_rejected, snapshot_id = EXCLUDED.snapshot_id, ingested_at = now()
             WHERE (ingest_files.mode, ingest_files.rows_inserted, ingest_files.rows_updated,
                    ingest_files.rows_unchanged, ingest_files.rows_rejected, ingest_files.snapshot_id)
                   IS DISTINCT FROM (EXCLUDED.mode, EXCLUDED.rows_inserted, EXCLUDED.rows_updated,
                                     EXCLUDED.rows_unchanged, EXCLUDED.rows_rejected, EXCLUDED.snapshot_id)""";

    private static final String INSERT_REJECTS = """
            INSERT INTO ingest_rejects (bucket, key, version, line, reason)
            SELECT $1, $2, $3, u.line, u.reason FROM unnest($4::int[], $5::text[]) AS u(line, reason)
            ON CONFLICT (bucket, key, version, line) DO NOTHING""";

    public Uni<Optional<IngestFileRecord>> find(SqlConnection connection, String bucket, String key, String version) {
        return connection
                .preparedQuery(FIND)
                .execute(Tuple.of(bucket, key, version))
                .map(rows -> first(rows).map(IngestFileRepository::from));
    }

    /**
     * Records the object (first delivery wins) and its rejects. Several issues on one line are joined, so each line
     * is one row.
     */
    public Uni<Void> record(SqlConnection connection, IngestFileRecord file, List<IngestReject> rejects) {
        Tuple args = Tuple.tuple()
                .addString(file.bucket())
                .addString(file.key())
                .addString(file.version())
                .addString(file.symbol())
                .addString(file.interval())
                .addString(file.mode())
                .addInteger(Math.toIntExact(file.rowsInserted()))
                .addInteger(Math.toIntExact(file.rowsUpdated()))
                .addInteger(Math.toIntExact(file.rowsUnchanged()))
                .addInteger(Math.toIntExact(file.rowsRejected()))
                .addString(file.snapshotId());
        Uni<Void> head = connection.preparedQuery(INSERT).execute(args).replaceWithVoid();
        if (rejects.isEmpty()) {
            return head;
        }
        Map<Long, String> byLine = new LinkedHashMap<>();
        for (IngestReject r : rejects) {
            byLine.merge(r.line(), r.reason(), (a, b) -> a + "; " + b);
        }
        Integer[] lines = new Integer[byLine.size()];
        String[] reasons = new String[byLine.size()];
        int i = 0;
        for (Map.Entry<Long, String> e : byLine.entrySet()) {
            lines[i] = Math.toIntExact(e.getKey());
            reasons[i++] = e.getValue();
        }
        Tuple rejectArgs = Tuple.tuple()
                .addString(file.bucket())
                .addString(file.key())
                .addString(file.version())
                .addArrayOfInteger(lines)
                .addArrayOfString(reasons);
        return head.flatMap(ignored -> connection.preparedQuery(INSERT_REJECTS).execute(rejectArgs))
                .replaceWithVoid();
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    private static IngestFileRecord from(Row row) {
        return new IngestFileRecord(
                row.getString("bucket"),
                row.getString("key"),
                row.getString("version"),
                row.getString("symbol"),
                row.getString("interval"),
                row.getString("mode"),
                row.getInteger("rows_inserted"),
                row.getInteger("rows_updated"),
                row.getInteger("rows_unchanged"),
                row.getInteger("rows_rejected"),
                row.getString("snapshot_id"));
    }
}
