package dev.phylo.functions.maintenance;

import dev.phylo.function.InvalidRequestException;
import dev.phylo.schema.MigrationResult;
import dev.phylo.schema.Migrations;
import dev.phylo.store.Database;
import dev.phylo.store.NeonSettings;
import dev.phylo.store.RetentionRepository;
import dev.phylo.store.RetentionResult;
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

    MaintenanceService(
            Database database,
            RetentionRepository retention,
            @ConfigProperty(name = "phylo.retention.max-age") Duration defaultMaxAge,
            @ConfigProperty(name = NeonSettings.JDBC_URL_PROPERTY) Optional<String> jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.database = database;
        this.retention = retention;
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
        MigrationResult result = Migrations.migrate(jdbc, user, password.orElse(""));
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
        RetentionResult result = database.await("retention before " + cutoff, c -> retention.apply(c, cutoff));
        LOG.infof("retention: %s", result);
        return result;
    }
}
