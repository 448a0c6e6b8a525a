package dev.phylo.cli.run;

import dev.phylo.postgres.EmbeddedDatabase;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.schema.MigrationResult;
import dev.phylo.schema.Migrations;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.store.NeonSettings;
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
    /** Whether the URL leads through a transaction-mode pooler (a Neon -pooler host, or PHYLO_DB_POOLER). */
    private final boolean pooler;
    /** The URL for this process's own JDBC connections: no server-side prepared statements behind a pooler. */
    private final DatabaseUrl jdbc;

    private final MigrationResult migration;

    private LocalDatabase(EmbeddedDatabase embedded, DatabaseUrl url) {
        this.embedded = embedded;
        this.url = url;
        this.pooler = NeonSettings.of(url, 1)
                .withPooler(System.getenv("PHYLO_DB_POOLER"))
                .pooler();
        this.jdbc = pooler ? url.withParam("prepareThreshold", "0") : url;
        this.migration = Migrations.migrate(jdbc);
    }

    /** What the functions get as PHYLO_DB_POOLER: their environment does not inherit this process's. */
    String poolerSetting() {
        return pooler ? NeonSettings.TRANSACTION_POOLER : "auto";
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
        return PostgresJdbc.connect(jdbc);
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
