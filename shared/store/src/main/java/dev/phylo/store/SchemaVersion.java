package dev.phylo.store;

/**
 * The schema version this build expects: health checks compare against it without scanning the
 * classpath (Flyway's scan does not work in a native image). {@code SchemaVersionTest} fails when a migration is added
 * and this is not bumped.
 */
public final class SchemaVersion {

    private static final String EXPECTED = "6";

    private SchemaVersion() {}

    /** A method, not a public constant: javac would copy a constant into every caller's class file. */
    public static String expected() {
        return EXPECTED;
    }
}
