package dev.phylo.functions.health;

import dev.phylo.store.Database;
import dev.phylo.store.SchemaRepository;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * How the time-series tables are kept (TimescaleDB hypertables or plain tables) and why, so that nobody has to guess
 * which mode a database got. DOWN only when {@code phylo.db.require-timescaledb} asks for TimescaleDB and the
 * tables are plain.
 */
@Readiness
@ApplicationScoped
public class StorageCheck implements AsyncHealthCheck {

    private final Database database;
    private final SchemaRepository schema;
    private final boolean requireTimescale;

    StorageCheck(
            Database database,
            SchemaRepository schema,
            @ConfigProperty(name = "phylo.db.require-timescaledb", defaultValue = "false") boolean requireTimescale) {
        this.database = database;
        this.schema = schema;
        this.requireTimescale = requireTimescale;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return database.transaction("read storage mode", schema::storageMode)
                .map(mode -> {
                    var response = HealthCheckResponse.named("storage")
                            .withData("mode", mode.mode())
                            .withData("timescaledb", mode.timescaleVersion() == null ? "none" : mode.timescaleVersion())
                            .withData("reason", mode.reason());
                    if (requireTimescale && !mode.timescale()) {
                        return response.down()
                                .withData("error", "TimescaleDB is required (phylo.db.require-timescaledb)")
                                .build();
                    }
                    return response.up().build();
                })
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named("storage")
                        .down()
                        .withData("error", e.getMessage())
                        .build());
    }
}
