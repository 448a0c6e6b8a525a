package dev.phylo.cli.run;

import dev.phylo.postgres.EmbeddedDatabase;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.schema.MigrationResult;
import dev.phylo.schema.Migrations;
import dev.phylo.store.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The run's database: the server named by {@code NEON_DATABASE_URL} (or {@code --database-url-file}), or an embedded
 * PostgreSQL 17 kept under {@code .phylo/pg}. Migrated on start (the local stand-in for the deploy-time migrate step).
 */
final class LocalDatabase implements AutoCloseable {

    static final String DATABASE = "phylo";
    /** Flyway logs through JUL at INFO; the run prints its own one-line summary. Held so the level sticks. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final EmbeddedDatabase embedded;
    private final DatabaseUrl url;
    private final MigrationResult migration;

    private LocalDatabase(EmbeddedDatabase embedded, DatabaseUrl url) {
        this.embedded = embedded;
        this.url = url;
        this.migration = Migrations.migrate(url);
    }

    static LocalDatabase open(String databaseUrl, Path dataDir) {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return new LocalDatabase(null, DatabaseUrl.parse(databaseUrl));
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
        try {
            return new LocalDatabase(db, db.createDatabase(DATABASE));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** {@code postgresql://…} with credentials: what the functions get as NEON_DATABASE_URL. */
    String neonUrl() {
        return url.toConnectionUri();
    }

    DatabaseUrl url() {
        return url;
    }

    boolean embedded() {
        return embedded != null;
    }

    MigrationResult migration() {
        return migration;
    }

    Connection connect() throws SQLException {
        return PostgresJdbc.connect(url);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return (embedded != null ? "embedded PostgreSQL " : "") + url;
    }
}
