package dev.phylo.schema;

import dev.phylo.store.StorageMode;
import java.util.Objects;

/**
 * What {@link Migrations#migrate} did.
 *
 * @param previousVersion schema version before, {@code null} on an empty database
 * @param currentVersion  schema version after
 * @param applied         number of migrations applied by this call; 0 when the schema was current
 * @param storage         how the time-series tables are kept: TimescaleDB hypertables or plain tables, and why
 */
public record MigrationResult(String previousVersion, String currentVersion, int applied, StorageMode storage) {

    public MigrationResult {
        if (currentVersion == null || currentVersion.isBlank()) {
            throw new IllegalArgumentException("currentVersion is missing: '" + currentVersion + "'");
        }
        if (applied < 0) {
            throw new IllegalArgumentException("applied < 0: " + applied);
        }
        Objects.requireNonNull(storage, "storage");
    }

    /** Whether the time-series tables are TimescaleDB hypertables rather than plain tables with BRIN indexes. */
    public boolean timescale() {
        return storage.timescale();
    }
}
