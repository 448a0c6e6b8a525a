package dev.phylo.store;

import java.util.List;
import java.util.Objects;

/**
 * How the database keeps the time-series tables ({@code market_data}, {@code strategy_metrics}): TimescaleDB
 * hypertables, or plain tables with BRIN indexes on time, and why. The migration picks the mode (docs/architecture.md,
 * decision 7); the migrate step, health and the CLI say which one it picked.
 *
 * @param mode             {@value #TIMESCALEDB} or {@value #PLAIN}
 * @param timescaleVersion the TimescaleDB extension's version, or null when the extension is not created
 * @param hypertables      the tables that are hypertables, by name
 * @param reason           one sentence for people: why this mode
 */
public record StorageMode(String mode, String timescaleVersion, List<String> hypertables, String reason) {

    public static final String TIMESCALEDB = "timescaledb";
    public static final String PLAIN = "plain";
    /** The tables the migration makes hypertables when it can. */
    public static final List<String> TIME_SERIES_TABLES = List.of("market_data", "strategy_metrics");

    /**
     * One row: {@code version} (text, null without the extension), {@code available} (boolean: the server has the
     * extension's files) and {@code hypertables} (text[]). A hypertable is told by the insert-blocking trigger
     * TimescaleDB puts on it, so the query runs with or without the extension.
     */
    public static final String QUERY = """
            SELECT (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb') AS version,
                   EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') AS available,
                   ARRAY(SELECT c.relname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                          WHERE t.tgname = 'ts_insert_blocker' AND c.relname IN ('market_data', 'strategy_metrics')
                            AND c.relnamespace = current_schema()::regnamespace
                          ORDER BY c.relname) AS hypertables""";

    public StorageMode {
        Objects.requireNonNull(mode, "mode");
        hypertables = List.copyOf(hypertables);
        Objects.requireNonNull(reason, "reason");
    }

    /** The mode from what {@link #QUERY} read. */
    public static StorageMode of(String timescaleVersion, boolean available, List<String> hypertables) {
        if (!hypertables.isEmpty()) {
            String tables = String.join(" and ", hypertables);
            String partly = hypertables.size() < TIME_SERIES_TABLES.size() ? " (only " + tables + ")" : "";
            return new StorageMode(
                    TIMESCALEDB,
                    timescaleVersion,
                    hypertables,
                    "TimescaleDB " + timescaleVersion + ": " + tables + (hypertables.size() > 1 ? " are" : " is")
                            + " hypertables" + partly);
        }
        String reason;
        if (timescaleVersion != null) {
            reason = "TimescaleDB " + timescaleVersion + " is installed, but the tables were created before it was; "
                    + "they stay plain (convert them by hand with create_hypertable(..., migrate_data => true))";
        } else if (available) {
            reason = "TimescaleDB is on this server but the extension was not created (the migrating role may lack "
                    + "the privilege: see the migration's notice); plain tables with BRIN indexes on time";
        } else {
            reason = "TimescaleDB is not installed on this server; plain tables with BRIN indexes on time";
        }
        return new StorageMode(PLAIN, timescaleVersion, List.of(), reason);
    }

    public boolean timescale() {
        return mode.equals(TIMESCALEDB);
    }

    @Override
    public String toString() {
        return mode + " (" + reason + ")";
    }
}
