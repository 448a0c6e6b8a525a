package dev.phylo.functions.health;

import dev.phylo.store.Database;
import dev.phylo.store.SchemaRepository;
import dev.phylo.telemetry.Emf;
import dev.phylo.telemetry.Metric;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The database's size on disk ({@code pg_database_size}), reported and emitted as the EMF metric
 * {@value #METRIC} at the start of every run, so that its growth can be watched against Neon's storage
 * (docs/architecture.md, "Monitoring"). DOWN only when it cannot be read.
 */
@Readiness
@ApplicationScoped
public class DatabaseSizeCheck implements AsyncHealthCheck {

    public static final String METRIC = "DatabaseSizeBytes";

    private final Database database;
    private final SchemaRepository schema;

    DatabaseSizeCheck(Database database, SchemaRepository schema) {
        this.database = database;
        this.schema = schema;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return database.transaction("read database size", schema::databaseSizeBytes)
                .map(bytes -> {
                    Emf.emit(Metric.bytes(METRIC, bytes));
                    return HealthCheckResponse.named("database-size")
                            .withData("bytes", bytes)
                            .up()
                            .build();
                })
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named("database-size")
                        .down()
                        .withData("error", e.getMessage())
                        .build());
    }
}
