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
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Schema migration over JDBC (Flyway) and retention over the reactive pool. */
@ApplicationScoped
public class MaintenanceService {

    private static final Logger LOG = Logger.getLogger(MaintenanceService.class);

    private final Database database;
    private final RetentionRepository retention;
    private final Duration defaultMaxAge;
    private final Optional<String> jdbcUrl;
    private final String user;
    private final Optional<String> password;
    private final boolean requireTimescale;
    private final SchemaRepository schema;

    MaintenanceService(
            Database database,
            RetentionRepository retention,
            @ConfigProperty(name = "phylo.retention.max-age") Duration defaultMaxAge,
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

    public RetentionResult retention(RetentionRequest request) {
        Duration maxAge = defaultMaxAge;
        if (request != null && request.maxAge() != null && !request.maxAge().isBlank()) {
            try {
                maxAge = Duration.parse(request.maxAge());
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(
                        "maxAge '" + request.maxAge() + "' is not an ISO-8601 duration " + "such as P90D", e);
            }
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new InvalidRequestException("maxAge must be positive: " + maxAge);
        }
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(maxAge);
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
        RetentionResult result = new RetentionResult(
                mode.timescale(), cutoff.toString(), rows[0], chunks[0], rows[1], chunks[1], batches);
        LOG.infof("retention: %s", result);
        return result;
    }
}
