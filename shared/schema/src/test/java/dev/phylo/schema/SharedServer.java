package dev.phylo.schema;

import dev.phylo.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One embedded PostgreSQL 17 per test JVM (zonky's, started directly: shared/ may not use infra/postgres-local);
 * each test class makes its own databases on it.
 */
final class SharedServer {

    private final EmbeddedPostgres postgres;

    private SharedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static SharedServer get() {
        return Holder.SERVER;
    }

    int port() {
        return postgres.getPort();
    }

    /** A new, empty database, reached as the superuser over loopback (trust authentication). */
    DatabaseUrl createDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return DatabaseUrl.of("postgres", "", "localhost", port(), name);
    }

    private static final class Holder {
        static final SharedServer SERVER = start();

        private static SharedServer start() {
            try {
                // zonky stops the server at JVM exit (its own shutdown hook)
                return new SharedServer(EmbeddedPostgres.builder().start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for the schema tests", e);
            }
        }
    }
}
