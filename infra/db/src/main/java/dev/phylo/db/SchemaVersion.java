package dev.phylo.db;

/**
 * The schema version this build expects, as a constant: health checks compare against it without scanning the
 * classpath (Flyway's scan does not work in a native image). {@code SchemaVersionTest} fails when a migration is added
 * and this is not bumped.
 */
public final class SchemaVersion {

    public static final String EXPECTED = "4";

    private SchemaVersion() {
    }
}
