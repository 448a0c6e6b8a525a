package dev.phylo.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Retention by age for the time-series tables, one bounded batch per call, so that each transaction locks a bounded
 * number of chunks and rows however long the backlog is (docs/architecture.md, decision 7). Neon's Apache-2
 * TimescaleDB has no retention policies: this is our scheduled job. The caller runs each batch in its own transaction
 * and repeats until a batch removes nothing:
 * <ol>
 *   <li>on a hypertable, {@link #dropOldestChunks} drops the chunks that lie wholly before the cutoff;</li>
 *   <li>then {@link #deleteOldestRows} deletes the rows still before it: on a hypertable only those of the one chunk
 *       the cutoff falls in, on a plain table all of them.</li>
 * </ol>
 */
@ApplicationScoped
public class RetentionRepository {

    /** Chunks dropped per transaction: each holds a few locks, and PostgreSQL's default is 64 per transaction. */
    public static final int CHUNKS_PER_BATCH = 8;
    /** Rows deleted per transaction. */
    public static final int ROWS_PER_BATCH = 50_000;

    /**
     * The per-run summaries of strategy_metrics (migration V6): plain tables whose {@code "timestamp"} is the run's
     * created_at, as in strategy_metrics, so the same cutoff removes a run's summaries with its metrics.
     */
    public static final List<String> SUMMARY_TABLES = List.of("run_generations", "run_strategies");

    private static final String OLDEST_CHUNKS_END = """
            SELECT max(range_end) AS until, count(*) AS n FROM (
              SELECT range_end FROM timescaledb_information.chunks
               WHERE hypertable_schema = current_schema() AND hypertable_name = $1 AND range_end <= $2
               ORDER BY range_end LIMIT $3) oldest""";

    /**
     * Drops up to {@value #CHUNKS_PER_BATCH} of the oldest chunks of hypertable {@code table} that end at or before
     * {@code cutoff}; the number dropped (0 when none is left).
     */
    public Uni<Long> dropOldestChunks(SqlConnection connection, String table, OffsetDateTime cutoff) {
        requireTimeSeries(table);
        return connection
                .preparedQuery(OLDEST_CHUNKS_END)
                .execute(Tuple.of(table, cutoff, CHUNKS_PER_BATCH))
                .flatMap(rows -> {
                    var row = rows.iterator().next();
                    long n = row.getLong("n");
                    if (n == 0) {
                        return Uni.createFrom().item(0L);
                    }
                    // the batch's last end: drop_chunks takes the chunks that end at or before it, i.e. this batch
                    return connection
                            .preparedQuery("SELECT count(*) AS n FROM drop_chunks($1::regclass, "
                                    + "older_than => $2::timestamptz)")
                            .execute(Tuple.of(table, row.getOffsetDateTime("until")))
                            .map(dropped -> dropped.iterator().next().getLong("n"));
                });
    }

    /** Deletes up to {@value #ROWS_PER_BATCH} rows of {@code table} older than {@code cutoff}; the number deleted. */
    public Uni<Long> deleteOldestRows(SqlConnection connection, String table, OffsetDateTime cutoff) {
        requireDated(table);
        return connection
                // a row is (tableoid, ctid): on a hypertable every chunk has its own ctids, and ctid alone would
                // also match the rows at the same place in the other chunks
                .preparedQuery("DELETE FROM " + table + " WHERE (tableoid, ctid) IN (SELECT tableoid, ctid FROM "
                        + table + " WHERE \"timestamp\" < $1 LIMIT $2)")
                .execute(Tuple.of(cutoff, ROWS_PER_BATCH))
                .map(deleted -> (long) deleted.rowCount());
    }

    /**
     * Dry run of {@link #dropOldestChunks} until it drops nothing: the number of chunks of hypertable {@code table}
     * that end at or before {@code cutoff}.
     */
    public Uni<Long> countOldChunks(SqlConnection connection, String table, OffsetDateTime cutoff) {
        requireTimeSeries(table);
        return connection
                .preparedQuery("SELECT count(*) AS n FROM timescaledb_information.chunks WHERE hypertable_schema = "
                        + "current_schema() AND hypertable_name = $1 AND range_end <= $2")
                .execute(Tuple.of(table, cutoff))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /**
     * Dry run of {@link #deleteOldestRows} until it deletes nothing: the rows of {@code table} older than
     * {@code cutoff}; on a hypertable only those outside the chunks {@link #countOldChunks} counts (chunks do not
     * overlap in time, so those are the rows at or after the last such chunk's end).
     */
    public Uni<Long> countOldRows(SqlConnection connection, String table, OffsetDateTime cutoff, boolean hypertable) {
        requireDated(table);
        String after = hypertable
                ? " AND \"timestamp\" >= coalesce((SELECT max(range_end) FROM timescaledb_information.chunks WHERE "
                        + "hypertable_schema = current_schema() AND hypertable_name = $2 AND range_end <= $1), "
                        + "'-infinity')"
                : "";
        return connection
                .preparedQuery("SELECT count(*) AS n FROM " + table + " WHERE \"timestamp\" < $1" + after)
                .execute(hypertable ? Tuple.of(cutoff, table) : Tuple.of(cutoff))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    private static void requireDated(String table) {
        if (!SUMMARY_TABLES.contains(table)) {
            requireTimeSeries(table);
        }
    }

    private static void requireTimeSeries(String table) {
        if (!StorageMode.TIME_SERIES_TABLES.contains(table)) {
            throw new IllegalArgumentException("retention covers " + StorageMode.TIME_SERIES_TABLES + ", not " + table);
        }
    }
}
