package dev.phylo.store;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code runs}. Every write is idempotent: creating an existing run returns it; progress is recomputed from
 * {@code strategy_metrics} rather than incremented, and a row is only touched when a value actually changes, so a
 * replayed step leaves it byte-identical.
 */
@ApplicationScoped
public class RunRepository {

    private static final String COLUMNS = """
            run_id, config::text AS config, seed, status, generations_planned, generation, evaluated,
            best_strategy_id, best_fitness, best_generation, created_at, updated_at, finished_at, error""";

    private static final String CREATE = """
            INSERT INTO runs (run_id, config, seed, status, generations_planned)
            VALUES ($1, $2::jsonb, $3, 'running', $4)
            ON CONFLICT (run_id) DO NOTHING""";

    private static final String GET = "SELECT " + COLUMNS + " FROM runs WHERE run_id = $1";

    private static final String STATES = """
            SELECT run_id, status,
                   CASE WHEN status = 'running' THEN NULL ELSE coalesce(finished_at, updated_at) END AS ended_at
              FROM runs WHERE run_id = ANY($1::text[])""";

    /**
     * Writes generation $2's summaries, run_strategies and run_generations (migration V6), from its strategy_metrics
     * rows; $3, the run's created_at, is the time of every metrics row of the run, which bounds the read to the one
     * chunk of a strategy_metrics hypertable that holds the run.
     */
    private static final String SUMMARIZE = "SELECT summarize_generation($1, $2, $3)";

    /**
     * Progress after generation $2 was persisted, from run_generations: last generation, strategies evaluated
     * (distinct per generation), and the best (fitness, then the earliest generation, then the smallest id on ties: so
     * the best generation is the first one that reached the best fitness, which the stall rule needs). It reads one
     * row per generation, however many strategies the run has stored.
     */
    private static final String RECORD_PROGRESS = """
            WITH best AS (
              SELECT best_strategy_id AS strategy_id, best_fitness AS fitness, generation FROM run_generations
               WHERE run_id = $1 ORDER BY best_fitness DESC, generation, best_strategy_id LIMIT 1
            ), counted AS (
              SELECT coalesce(sum(evaluated), 0) AS evaluated FROM run_generations WHERE run_id = $1
            ), next AS (
              SELECT GREATEST(r.generation, $2) AS generation, c.evaluated, b.strategy_id, b.fitness,
                     b.generation AS best_generation
                FROM runs r CROSS JOIN counted c LEFT JOIN best b ON true WHERE r.run_id = $1
            )
            UPDATE runs r SET generation = n.generation, evaluated = n.evaluated, best_strategy_id = n.strategy_id,
                   best_fitness = n.fitness, best_generation = n.best_generation, updated_at = now()
              FROM next n
             WHERE r.run_id = $1
               AND (r.generation, r.evaluated, r.best_strategy_id, r.best_fitness, r.best_generation)
                   IS DISTINCT FROM (n.generation, n.evaluated, n.strategy_id, n.fitness, n.best_generation)""";

    /**
     * A run ends once: only a running run takes an end state, so a late or replayed step (a report after the run
     * was marked failed, a second failure) changes nothing.
     */
    private static final String FINISH = """
            UPDATE runs SET status = $2, error = $3, finished_at = now(), updated_at = now()
             WHERE run_id = $1 AND status = 'running'""";

    /**
     * A resumed run runs again: an interrupted, failed or cancelled run is set back to running (its error and end
     * cleared); a succeeded run is left alone.
     */
    private static final String RESUME = """
            UPDATE runs SET status = 'running', error = NULL, finished_at = NULL, updated_at = now()
             WHERE run_id = $1 AND status <> 'succeeded'""";

    /**
     * The runs among {@code runIds} that have a row: each one's status and when it ended ({@code finished_at}, else
     * its last update; null while it runs). Ids without a row are absent from the map.
     */
    public Uni<Map<String, RunState>> states(SqlConnection connection, List<String> runIds) {
        return connection
                .preparedQuery(STATES)
                .execute(Tuple.of(runIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, RunState> states = new LinkedHashMap<>();
                    for (Row row : rows) {
                        states.put(
                                row.getString("run_id"),
                                new RunState(row.getString("status"), row.getOffsetDateTime("ended_at")));
                    }
                    return states;
                });
    }

    /** Creates the run, or returns the existing one. The caller checks that an existing run's config matches. */
    public Uni<RunRow> createIfAbsent(
            SqlConnection connection, String runId, JsonObject config, long seed, int generationsPlanned) {
        // the JsonObject itself: a String bound to a jsonb parameter would be stored as one JSON string value
        return connection
                .preparedQuery(CREATE)
                .execute(Tuple.of(runId, config, seed, generationsPlanned))
                .flatMap(ignored -> get(connection, runId))
                .map(Optional::orElseThrow);
    }

    public Uni<Optional<RunRow>> get(SqlConnection connection, String runId) {
        return connection.preparedQuery(GET).execute(Tuple.of(runId)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(from(it.next())) : Optional.empty();
        });
    }

    /**
     * Summarizes a generation just persisted and recomputes the run's progress from the summaries; returns the run
     * as it now stands. Idempotent, like the metrics upsert before it.
     *
     * @param runCreatedAt the run's created_at: the time of its strategy_metrics rows
     */
    public Uni<RunRow> recordProgress(
            SqlConnection connection, String runId, int generation, OffsetDateTime runCreatedAt) {
        return connection
                .preparedQuery(SUMMARIZE)
                .execute(Tuple.of(runId, generation, runCreatedAt))
                .flatMap(summarized -> connection.preparedQuery(RECORD_PROGRESS).execute(Tuple.of(runId, generation)))
                .flatMap(ignored -> get(connection, runId))
                .map(run -> run.orElseThrow(() -> new IllegalStateException("run " + runId + " does not exist")));
    }

    /**
     * Sets a run that has not succeeded back to running for a resumed execution; returns it as it now stands (empty
     * when there is no such run; a succeeded run comes back unchanged, for the caller to refuse).
     */
    public Uni<Optional<RunRow>> resume(SqlConnection connection, String runId) {
        return connection.preparedQuery(RESUME).execute(Tuple.of(runId)).flatMap(ignored -> get(connection, runId));
    }

    /** Marks the run succeeded ({@code error} null) or failed. Repeating the same call changes nothing. */
    public Uni<Void> finish(SqlConnection connection, String runId, boolean succeeded, String error) {
        return connection
                .preparedQuery(FINISH)
                .execute(Tuple.of(runId, succeeded ? "succeeded" : "failed", error))
                .replaceWithVoid();
    }

    private static RunRow from(Row row) {
        return new RunRow(
                row.getString("run_id"),
                row.getString("config"),
                row.getLong("seed"),
                row.getString("status"),
                row.getInteger("generations_planned"),
                row.getInteger("generation"),
                row.getLong("evaluated"),
                row.getString("best_strategy_id"),
                row.getDouble("best_fitness"),
                row.getInteger("best_generation"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"),
                row.getOffsetDateTime("finished_at"),
                row.getString("error"));
    }
}
