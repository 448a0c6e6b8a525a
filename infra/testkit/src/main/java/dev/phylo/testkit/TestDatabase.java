package dev.phylo.testkit;

import dev.phylo.schema.MigrationResult;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.internal.Jdbc;
import dev.phylo.testkit.internal.TestDatabaseServer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One migrated PostgreSQL database for all tests of a JVM.
 *
 * <p>If the environment variable {@value #URL_ENV} holds a {@code postgresql://} URL, a fresh database
 * {@code phylo_test_<random>} is created on that server (and dropped at JVM exit); otherwise one
 * {@link dev.phylo.postgres.EmbeddedDatabase} is started for the JVM and stopped at exit. Either way the bundled
 * migrations run once, on first use. All methods are thread-safe.
 *
 * <p>Tests that write should call {@link #reset()} first, so that no test depends on another's leftovers.
 */
public final class TestDatabase {

    /** Use this server instead of an embedded one, e.g. {@code postgresql://postgres:pw@127.0.0.1:5432/postgres}. */
    public static final String URL_ENV = "PHYLO_TEST_DATABASE_URL";

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private TestDatabase() {}

    /** The migrated test database, credentials included. */
    public static DatabaseUrl url() {
        return TestDatabaseServer.get().url();
    }

    /**
     * A new, empty database on the same server as {@link #url()} (embedded, or the one {@value #URL_ENV} names), for
     * a test that needs a database of its own; dropped at JVM exit on an external server.
     *
     * @param prefix lower-case letters, digits and '_'; a random suffix is added
     */
    public static DatabaseUrl newDatabase(String prefix) {
        return TestDatabaseServer.get().newDatabase(prefix);
    }

    /** What migrating the test database did, its storage mode included. */
    public static MigrationResult migration() {
        return TestDatabaseServer.get().migration();
    }

    /** Whether the tests run on the server {@value #URL_ENV} names rather than an embedded one. */
    public static boolean external() {
        return TestDatabaseServer.get().external();
    }

    /** {@link #url()} as JDBC URL, without credentials (pass {@code url().user()} and {@code url().password()}). */
    public static String jdbcUrl() {
        return url().toJdbcUrl();
    }

    /** Number of rows in a table of the test database. */
    public static long count(String table) {
        Object count = Jdbc.query(url(), "SELECT count(*) FROM " + quoted(table))
                .get(0)
                .get("count");
        return ((Number) count).longValue();
    }

    /** Runs a query with {@code ?} parameters; each row maps column labels to JDBC values, in column order. */
    public static List<Map<String, Object>> query(String sql, Object... args) {
        return Jdbc.query(url(), sql, args);
    }

    /** Runs a statement with {@code ?} parameters. */
    public static void execute(String sql, Object... args) {
        Jdbc.execute(url(), sql, args);
    }

    /** Empties every application table ({@code TRUNCATE ... CASCADE}); the Flyway history is kept. */
    public static void reset() {
        List<String> tables = Jdbc.strings(
                url(),
                "SELECT quote_ident(tablename) FROM pg_tables "
                        + "WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history' ORDER BY tablename");
        if (!tables.isEmpty()) {
            execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
        }
    }

    /**
     * The MD5 of all rows of a table in primary-key order, each row as PostgreSQL's text form, in UTC: two equal
     * digests mean the table holds identical bytes, which is what idempotency tests compare across replays.
     * An empty table has the digest of the empty string.
     */
    public static String tableDigest(String table) {
        String name = quoted(table);
        List<String> key = Jdbc.strings(
                url(),
                "SELECT quote_ident(a.attname) FROM pg_index i "
                        + "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) "
                        + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                        + "WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY k.position",
                name);
        String order = key.isEmpty() ? "t::text" : "t." + String.join(", t.", key);
        return Jdbc.inUtc(
                url(), "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY " + order + "), '')) FROM " + name + " t");
    }

    private static String quoted(String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table name must match " + TABLE_NAME + ": '" + table + "'");
        }
        return "\"" + table + "\"";
    }
}
