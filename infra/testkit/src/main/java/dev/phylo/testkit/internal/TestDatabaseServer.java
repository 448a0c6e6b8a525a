package dev.phylo.testkit.internal;

import dev.phylo.postgres.EmbeddedDatabase;
import dev.phylo.schema.MigrationResult;
import dev.phylo.schema.Migrations;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.TestDatabase;
import dev.phylo.testkit.TestDatabaseException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/** The JVM-wide server behind {@link TestDatabase}: created on first use, torn down by a shutdown hook. */
public final class TestDatabaseServer {

    private static TestDatabaseServer instance;
    private static RuntimeException failure;

    private final DatabaseUrl url;
    private final MigrationResult migration;

    private TestDatabaseServer(DatabaseUrl url, MigrationResult migration) {
        this.url = url;
        this.migration = migration;
    }

    /** The server, set up on the first call; a failed set-up fails every later call with the same cause. */
    public static synchronized TestDatabaseServer get() {
        if (instance == null) {
            if (failure != null) {
                throw new TestDatabaseException("the test database failed to set up earlier in this JVM", failure);
            }
            try {
                instance = create();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return instance;
    }

    public DatabaseUrl url() {
        return url;
    }

    public MigrationResult migration() {
        return migration;
    }

    private static TestDatabaseServer create() {
        String external = System.getenv(TestDatabase.URL_ENV);
        DatabaseUrl url =
                external == null || external.isBlank() ? startEmbedded() : createOn(DatabaseUrl.parse(external));
        MigrationResult migration = Migrations.migrate(url);
        return new TestDatabaseServer(url, migration);
    }

    private static DatabaseUrl startEmbedded() {
        // stopped at JVM exit by its own shutdown hook
        return EmbeddedDatabase.start(null).createDatabase("phylo_test");
    }

    /** Creates {@code phylo_test_<random>} on an external server and drops it when the JVM exits. */
    private static DatabaseUrl createOn(DatabaseUrl server) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String name = "phylo_test_" + HexFormat.of().formatHex(random);
        run(server, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropOnExit(server, name), "phylo-test-database-drop"));
        return server.withDatabase(name);
    }

    private static void dropOnExit(DatabaseUrl server, String name) {
        try {
            run(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (TestDatabaseException e) {
            // a shutdown hook has no caller to throw to; say what is left behind
            System.err.println("Could not drop test database " + name + " on " + server + ": "
                    + e.getCause().getMessage());
        }
    }

    private static void run(DatabaseUrl server, String sql) {
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TestDatabaseException("'" + sql + "' failed on " + server, e);
        }
    }
}
