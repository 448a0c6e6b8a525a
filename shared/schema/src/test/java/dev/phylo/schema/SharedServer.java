package dev.phylo.schema;

import dev.phylo.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server the schema tests make their databases on: the one {@code PHYLO_TEST_DATABASE_URL} names (databases are
 * dropped at JVM exit), else one embedded PostgreSQL 17 per test JVM (zonky's, started directly: shared/ may not use
 * infra/postgres-local or the test kit).
 */
final class SharedServer {

    /** The test kit's variable, read here directly. */
    static final String URL_ENV = "PHYLO_TEST_DATABASE_URL";

    private final DatabaseUrl admin;
    private final boolean external;
    private final boolean timescaleAvailable;

    private SharedServer(DatabaseUrl admin, boolean external) {
        this.admin = admin;
        this.external = external;
        this.timescaleAvailable = !Sql.strings(
                        admin, "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")
                .isEmpty();
    }

    static SharedServer get() {
        return Holder.SERVER;
    }

    /** Whether the server offers TimescaleDB (a hand-built one does; the embedded one does not). */
    boolean timescaleAvailable() {
        return timescaleAvailable;
    }

    /** A new, empty database on the server, with the server's credentials. */
    DatabaseUrl createDatabase(String name) {
        try (Connection connection = Sql.connect(admin);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + admin, e);
        }
        if (external) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "schema-test-database-drop"));
        }
        return admin.withDatabase(name);
    }

    private void drop(String name) {
        try (Connection connection = Sql.connect(admin);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            // a shutdown hook has no caller to throw to; say what is left behind
            System.err.println("Could not drop test database " + name + " on " + admin + ": " + e.getMessage());
        }
    }

    private static final class Holder {
        static final SharedServer SERVER = start();

        private static SharedServer start() {
            String url = System.getenv(URL_ENV);
            if (url != null && !url.isBlank()) {
                return new SharedServer(DatabaseUrl.parse(url), true);
            }
            try {
                // zonky stops the server at JVM exit (its own shutdown hook)
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                return new SharedServer(
                        DatabaseUrl.of("postgres", "", "localhost", postgres.getPort(), "postgres"), false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for the schema tests", e);
            }
        }
    }
}
