package dev.phylo.functions.maintenance;

import dev.phylo.function.InvalidRequestException;
import dev.phylo.schema.MigrationResult;
import dev.phylo.schema.Migrations;
import dev.phylo.store.Database;
import dev.phylo.store.NeonSettings;
import dev.phylo.store.RetentionRepository;
import dev.phylo.store.RetentionResult;
import dev.phylo.store.SchemaRepository;
import dev.phylo.store.StorageMode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Schema migration over JDBC (Flyway), and retention: the time-series tables over the reactive pool, then the run
 * folders on the shared folder ({@link RunRetention}).
 */
@ApplicationScoped
public class MaintenanceService {

    private static final Logger LOG = Logger.getLogger(MaintenanceService.class);

    private final Database database;
    private final RetentionRepository retention;
    private final Duration defaultMaxAge;
    private final Duration defaultRunsMaxAge;
    private final RunRetention runRetention;
    private final Optional<String> jdbcUrl;
    private final String user;
    private final Optional<String> password;
    private final boolean requireTimescale;
    private final SchemaRepository schema;

    MaintenanceService(
            Database database,
            RetentionRepository retention,
            @ConfigProperty(name = "phylo.retention.max-age") Duration defaultMaxAge,
            @ConfigProperty(name = "phylo.retention.runs-max-age") Duration defaultRunsMaxAge,
            RunRetention runRetention,
            @ConfigProperty(name = NeonSettings.JDBC_URL_PROPERTY) Optional<String> jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "phylo.db.require-timescaledb") boolean requireTimescale,
            SchemaRepository schema) {
        this.database = database;
        this.retention = retention;
        this.requireTimescale = requireTimescale;
        this.schema = schema;
        this.defaultMaxAge = defaultMaxAge;
        this.defaultRunsMaxAge = defaultRunsMaxAge;
        this.runRetention = runRetention;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public MigrationResult migrate() {
        // The JDBC URL comes from the same parsed NEON_DATABASE_URL / NEON_SECRET_ARN as the reactive pool.
        String jdbc = jdbcUrl.filter(u -> !u.isBlank())
                .orElseThrow(() ->
                        new IllegalStateException("no database configured: set NEON_DATABASE_URL or NEON_SECRET_ARN"));
        MigrationResult result = Migrations.migrate(jdbc, user, password.orElse(""), requireTimescale);
        LOG.infof("migrated: %s", result);
        return result;
    }

    /**
     * Database retention, then the run folders on the shared folder; a dry run only counts. Throws
     * {@link RetentionIncompleteException} after the whole pass when a run folder that should have gone could not.
     */
    public RetentionReport retention(RetentionRequest request) {
        RetentionRequest given = request == null ? new RetentionRequest(null, null, null) : request;
        boolean dryRun = given.isDryRun();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime cutoff = now.minus(age("maxAge", given.maxAge(), defaultMaxAge));
        OffsetDateTime runsCutoff = now.minus(age("runsMaxAge", given.runsMaxAge(), defaultRunsMaxAge));
        RetentionResult data = dryRun ? countOld(cutoff) : deleteOld(cutoff);
        List<String> failures = new ArrayList<>();
        RunsRetained folders = runRetention.apply(runsCutoff, dryRun, failures);
        RetentionReport report = new RetentionReport(dryRun, data, folders);
        LOG.infof("retention: %s", report);
        if (!failures.isEmpty()) {
            throw new RetentionIncompleteException(report, failures);
        }
        return report;
    }

    private static Duration age(String field, String given, Duration fallback) {
        Duration age = fallback;
        if (given != null && !given.isBlank()) {
            try {
                age = Duration.parse(given);
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(
                        field + " '" + given + "' is not an ISO-8601 duration such as P90D", e);
            }
        }
        if (age.isNegative() || age.isZero()) {
            throw new InvalidRequestException(field + " must be positive: " + age);
        }
        return age;
    }

    private RetentionResult deleteOld(OffsetDateTime cutoff) {
        StorageMode mode = database.await("read storage mode", schema::storageMode);
        long[] chunks = new long[StorageMode.TIME_SERIES_TABLES.size()];
        long[] rows = new long[chunks.length];
        int batches = 0;
        // one transaction per batch: the locks each takes stay bounded, whatever the backlog
        for (int t = 0; t < chunks.length; t++) {
            String table = StorageMode.TIME_SERIES_TABLES.get(t);
            long n;
            if (mode.hypertables().contains(table)) {
                do {
                    n = database.await(
                            "drop chunks of " + table + " before " + cutoff,
                            c -> retention.dropOldestChunks(c, table, cutoff));
                    chunks[t] += n;
                    batches++;
                } while (n > 0);
            }
            do {
                n = database.await(
                        "delete " + table + " rows before " + cutoff,
                        c -> retention.deleteOldestRows(c, table, cutoff));
                rows[t] += n;
                batches++;
            } while (n == RetentionRepository.ROWS_PER_BATCH);
        }
        long summaryRows = 0;
        for (String table : RetentionRepository.SUMMARY_TABLES) {
            long n;
            do {
                n = database.await(
                        "delete " + table + " rows before " + cutoff,
                        c -> retention.deleteOldestRows(c, table, cutoff));
                summaryRows += n;
                batches++;
            } while (n == RetentionRepository.ROWS_PER_BATCH);
        }
        return new RetentionResult(
                mode.timescale(), cutoff.toString(), rows[0], chunks[0], rows[1], chunks[1], summaryRows, batches);
    }

    /** What {@link #deleteOld} would remove, counted in one read-only transaction per table. */
    private RetentionResult countOld(OffsetDateTime cutoff) {
        StorageMode mode = database.await("read storage mode", schema::storageMode);
        long[] chunks = new long[StorageMode.TIME_SERIES_TABLES.size()];
        long[] rows = new long[chunks.length];
        for (int t = 0; t < chunks.length; t++) {
            String table = StorageMode.TIME_SERIES_TABLES.get(t);
            boolean hypertable = mode.hypertables().contains(table);
            long[] counted = database.await(
                    "count " + table + " rows before " + cutoff,
                    c -> (hypertable
                                    ? retention.countOldChunks(c, table, cutoff)
                                    : Uni.createFrom().item(0L))
                            .flatMap(n -> retention
                                    .countOldRows(c, table, cutoff, hypertable)
                                    .map(m -> new long[] {n, m})));
            chunks[t] = counted[0];
            rows[t] = counted[1];
        }
        long summaryRows = 0;
        for (String table : RetentionRepository.SUMMARY_TABLES) {
            summaryRows += database.await(
                    "count " + table + " rows before " + cutoff, c -> retention.countOldRows(c, table, cutoff, false));
        }
        return new RetentionResult(
                mode.timescale(),
                cutoff.toString(),
                rows[0],
                chunks[0],
                rows[1],
                chunks[1],
                summaryRows,
                chunks.length + RetentionRepository.SUMMARY_TABLES.size());
    }
}
