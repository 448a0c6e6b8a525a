package dev.phylo.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The schema version the {@code migrate} step left in {@code flyway_schema_history}, the storage mode it chose, and
 * the size of the database.
 */
@ApplicationScoped
public class SchemaRepository {

    private static final String CURRENT = """
            SELECT version FROM flyway_schema_history
             WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1""";

    /** Empty when the database was never migrated (no history table, or no successful migration). */
    public Uni<Optional<String>> currentVersion(SqlConnection connection) {
        return connection
                .query("SELECT to_regclass('flyway_schema_history') IS NOT NULL AS migrated")
                .execute()
                .flatMap(rows -> rows.iterator().next().getBoolean("migrated")
                        ? connection.query(CURRENT).execute().map(versions -> {
                            var it = versions.iterator();
                            return it.hasNext() ? Optional.of(it.next().getString("version")) : Optional.empty();
                        })
                        : Uni.createFrom().item(Optional.empty()));
    }

    /** The database's size on disk in bytes ({@code pg_database_size}): tables, indexes, TOAST and free space. */
    public Uni<Long> databaseSizeBytes(SqlConnection connection) {
        return connection
                .query("SELECT pg_database_size(current_database()) AS bytes")
                .execute()
                .map(rows -> rows.iterator().next().getLong("bytes"));
    }

    /** How the time-series tables are kept: TimescaleDB hypertables or plain tables, and why. */
    public Uni<StorageMode> storageMode(SqlConnection connection) {
        return connection.query(StorageMode.QUERY).execute().map(rows -> {
            var row = rows.iterator().next();
            return StorageMode.of(
                    row.getString("version"),
                    row.getBoolean("available"),
                    List.of(row.getArrayOfStrings("hypertables")));
        });
    }
}
