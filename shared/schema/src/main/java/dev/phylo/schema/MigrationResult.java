package dev.phylo.schema;

/**
 * What {@link Migrations#migrate} did.
 *
 * @param previousVersion schema version before, {@code null} on an empty database
 * @param currentVersion  schema version after
 * @param applied         number of migrations applied by this call; 0 when the schema was current
 * @param timescale       whether the {@code timescaledb} extension is installed, i.e. the time-series tables are
 *                        hypertables rather than plain tables with BRIN indexes
 */
public record MigrationResult(String previousVersion, String currentVersion, int applied, boolean timescale) {

    public MigrationResult {
        if (currentVersion == null || currentVersion.isBlank()) {
            throw new IllegalArgumentException("currentVersion is missing: '" + currentVersion + "'");
        }
        if (applied < 0) {
            throw new IllegalArgumentException("applied < 0: " + applied);
        }
    }
}
