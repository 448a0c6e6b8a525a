package dev.phylo.testkit.internal;

import dev.phylo.postgres.EmbeddedDatabase;
import dev.phylo.postgres.PostgresJdbc;
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
import java.util.regex.Pattern;

/**
 * The JVM-wide server behind {@link TestDatabase}: the server named by {@value TestDatabase#URL_ENV}, else an
 * embedded PostgreSQL started on first use. Databases made on an external server are dropped when the JVM exits; an
 * embedded server goes away with its JVM.
 */
public final class TestDatabaseServer {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private static TestDatabaseServer instance;
    private static RuntimeException failure;

    private final DatabaseUrl server;
    private final boolean external;
    private final DatabaseUrl url;
    private final MigrationResult migration;

    private TestDatabaseServer(DatabaseUrl server, boolean external) {
        this.server = server;
        this.external = external;
        this.url = newDatabase("phylo_test");
        this.migration = Migrations.migrate(url);
    }

    /** The server, set up on the first call; a failed set-up fails every later call with the same cause. */
    public static synchronized TestDatabaseServer get() {
        if (instance == null) {
            if (failure != null) {
                throw new TestDatabaseException("the test database failed to set up earlier in this JVM", failure);
            }
            try {
                String url = System.getenv(TestDatabase.URL_ENV);
                instance = url == null || url.isBlank()
                        // stopped at JVM exit by its own shutdown hook
                        ? new TestDatabaseServer(EmbeddedDatabase.start(null).url(), false)
                        : new TestDatabaseServer(DatabaseUrl.parse(url), true);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return instance;
    }

    /** The migrated test database. */
    public DatabaseUrl url() {
        return url;
    }

    public MigrationResult migration() {
        return migration;
    }

    /** Whether the server is the one {@value TestDatabase#URL_ENV} names. */
    public boolean external() {
        return external;
    }

    /** A new, empty database {@code <prefix>_<random>} on the same server, with the server's credentials. */
    public DatabaseUrl newDatabase(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("database prefix must match " + PREFIX + ": '" + prefix + "'");
        }
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String name = prefix + "_" + HexFormat.of().formatHex(random);
        run(server, "CREATE DATABASE " + name);
        if (external) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> dropOnExit(server, name), "phylo-test-database-drop"));
        }
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
        try (Connection connection = PostgresJdbc.connect(server);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TestDatabaseException("'" + sql + "' failed on " + server, e);
        }
    }
}
