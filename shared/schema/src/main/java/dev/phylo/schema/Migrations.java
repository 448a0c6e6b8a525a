package dev.phylo.schema;

import dev.phylo.schema.internal.SecretScrubber;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.store.StorageMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.resource.ResourceName;
import org.flywaydb.core.internal.resource.ResourceNameParser;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * Applies the versioned SQL migrations bundled in {@value #LOCATION} with Flyway.
 *
 * <p>Validation runs before every migration (a changed, already applied script fails), and clean is disabled.
 * Safe to call on every start of a database-facing process: a current schema applies nothing.
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    /**
     * Migrates the database at a JDBC URL.
     *
     * @throws MigrationException naming the failed migration and the cause; never containing the password
     */
    public static MigrationResult migrate(String jdbcUrl, String user, String password) {
        return migrate(jdbcUrl, user, password, false);
    }

    /**
     * Migrates the database at a JDBC URL; with {@code requireTimescale}, fails unless the time-series tables end up
     * TimescaleDB hypertables (creating the extension first, so that a missing privilege is named).
     *
     * @throws MigrationException naming the failed migration, or why TimescaleDB is missing; never the password
     */
    public static MigrationResult migrate(String jdbcUrl, String user, String password, boolean requireTimescale) {
        SecretScrubber scrubber = new SecretScrubber(password);
        return run(configure().dataSource(jdbcUrl, user, password), scrubber, requireTimescale);
    }

    /** Migrates the database a {@link DatabaseUrl} points to. */
    public static MigrationResult migrate(DatabaseUrl url) {
        return migrate(url.toJdbcUrl(), url.user(), url.password());
    }

    /**
     * Migrates the database behind a data source.
     *
     * @throws MigrationException naming the failed migration and the cause
     */
    public static MigrationResult migrate(DataSource dataSource) {
        return run(configure().dataSource(dataSource), new SecretScrubber(null), false);
    }

    /** How the database keeps its time-series tables, read with {@link StorageMode#QUERY}. */
    public static StorageMode storageMode(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(StorageMode.QUERY)) {
            rows.next();
            return StorageMode.of(rows.getString("version"), rows.getBoolean("available"), List.of((String[])
                    rows.getArray("hypertables").getArray()));
        }
    }

    /**
     * The highest version among the bundled migration scripts, found by Flyway's own resource scan: what
     * {@link MigrationResult#currentVersion()} is after a successful migrate, for health checks to compare with.
     */
    public static String expectedVersion() {
        return BundledVersion.HIGHEST;
    }

    private static FluentConfiguration configure() {
        return Flyway.configure(Migrations.class.getClassLoader())
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .validateOnMigrate(true)
                .cleanDisabled(true);
    }

    private static MigrationResult run(
            FluentConfiguration configuration, SecretScrubber scrubber, boolean requireTimescale) {
        if (requireTimescale) {
            createTimescale(configuration, scrubber);
        }
        Flyway flyway = configuration.load();
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayMigrateException e) {
            throw new MigrationException(scrubber.scrub(describe(e)), scrubber.scrub(e));
        } catch (FlywayValidateException e) {
            throw new MigrationException(
                    scrubber.scrub("Schema validation failed before migrating; an applied "
                            + "migration was changed or is missing: " + e.getMessage()),
                    scrubber.scrub(e));
        } catch (FlywayException e) {
            throw new MigrationException(
                    scrubber.scrub("Database migration failed: " + e.getMessage()), scrubber.scrub(e));
        }
        StorageMode storage;
        String currentVersion;
        try (Connection connection = configuration.getDataSource().getConnection()) {
            storage = storageMode(connection);
            MigrationInfo current = flyway.info().current();
            currentVersion = current == null ? null : current.getVersion().getVersion();
        } catch (SQLException | FlywayException e) {
            throw new MigrationException(
                    scrubber.scrub("Migrated, but reading the schema state afterwards failed: " + e.getMessage()),
                    scrubber.scrub(e));
        }
        if (requireTimescale && !storage.timescale()) {
            throw new MigrationException(
                    "TimescaleDB is required (phylo.db.require-timescaledb), but " + storage.reason(), null);
        }
        return new MigrationResult(result.initialSchemaVersion, currentVersion, result.migrationsExecuted, storage);
    }

    /** Creates the extension before migrating, so that a missing package or privilege fails loudly and says so. */
    private static void createTimescale(FluentConfiguration configuration, SecretScrubber scrubber) {
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
        } catch (SQLException e) {
            throw new MigrationException(
                    scrubber.scrub("TimescaleDB is required (phylo.db.require-timescaledb), but CREATE EXTENSION "
                            + "timescaledb failed: " + e.getMessage()),
                    scrubber.scrub(e));
        }
    }

    private static String describe(FlywayMigrateException e) {
        MigrationInfo migration = e.getMigration();
        String which = migration == null
                ? "a migration"
                : "migration " + migration.getScript() + " (version " + migration.getVersion() + ")";
        String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
        String state = e.getSqlState() == null ? "" : " [SQLSTATE " + e.getSqlState() + "]";
        String rollback = e.isExecutableInTransaction() ? " (rolled back)" : " (not transactional: check the schema)";
        return "Database migration failed: " + which + where + state + rollback + ": " + e.getMessage();
    }

    /** Scanned once per class loader, on first use. */
    private static final class BundledVersion {
        static final String HIGHEST = scan();

        private static String scan() {
            FluentConfiguration configuration = configure();
            Scanner<JavaMigration> scanner =
                    new Scanner<>(JavaMigration.class, configuration, configuration.getLocations());
            ResourceNameParser parser = new ResourceNameParser(configuration);
            MigrationVersion highest = null;
            for (LoadableResource resource : scanner.getResources(
                    configuration.getSqlMigrationPrefix(), configuration.getSqlMigrationSuffixes())) {
                ResourceName name = parser.parse(resource.getFilename());
                if (name.isValid()
                        && name.getVersion() != null
                        && (highest == null || name.getVersion().isNewerThan(highest))) {
                    highest = name.getVersion();
                }
            }
            if (highest == null) {
                throw new IllegalStateException("no versioned migration found in " + LOCATION);
            }
            return highest.getVersion();
        }
    }
}
