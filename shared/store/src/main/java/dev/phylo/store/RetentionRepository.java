package dev.phylo.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * Retention by age for {@code market_data} and {@code strategy_metrics}: {@code drop_chunks} on hypertables (Neon's
 * Apache-2 TimescaleDB has no retention policies, so this is our scheduled job), {@code DELETE} by time otherwise.
 */
@ApplicationScoped
public class RetentionRepository {

    public Uni<RetentionResult> apply(SqlConnection connection, OffsetDateTime cutoff) {
        return connection
                .query("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS ts")
                .execute()
                .flatMap(rows -> {
                    boolean timescale = rows.iterator().next().getBoolean("ts");
                    return timescale ? dropChunks(connection, cutoff) : deleteRows(connection, cutoff);
                });
    }

    private Uni<RetentionResult> dropChunks(SqlConnection connection, OffsetDateTime cutoff) {
        String sql = "SELECT count(*) AS n FROM drop_chunks($1::regclass, older_than => $2::timestamptz)";
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of("market_data", cutoff))
                .flatMap(market -> connection
                        .preparedQuery(sql)
                        .execute(Tuple.of("strategy_metrics", cutoff))
                        .map(metrics -> new RetentionResult(
                                true,
                                cutoff.toString(),
                                0,
                                market.iterator().next().getLong("n"),
                                0,
                                metrics.iterator().next().getLong("n"))));
    }

    private Uni<RetentionResult> deleteRows(SqlConnection connection, OffsetDateTime cutoff) {
        return connection
                .preparedQuery("DELETE FROM market_data WHERE \"timestamp\" < $1")
                .execute(Tuple.of(cutoff))
                .flatMap(market -> connection
                        .preparedQuery("DELETE FROM strategy_metrics WHERE \"timestamp\" < $1")
                        .execute(Tuple.of(cutoff))
                        .map(metrics -> new RetentionResult(
                                false, cutoff.toString(), market.rowCount(), 0, metrics.rowCount(), 0)));
    }
}
