package dev.phylo.functions.health;

import dev.phylo.store.Database;
import dev.phylo.store.SchemaRepository;
import dev.phylo.store.SchemaVersion;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The database schema is at the migration version this build expects (the migrate step has run). */
@Readiness
@ApplicationScoped
public class SchemaCheck implements AsyncHealthCheck {

    private final Database database;
    private final SchemaRepository schema;
    private final String expected;

    SchemaCheck(Database database, SchemaRepository schema) {
        this.database = database;
        this.schema = schema;
        this.expected = SchemaVersion.expected();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return database.transaction("read schema version", schema::currentVersion)
                .map(current -> {
                    var response = HealthCheckResponse.named("schema")
                            .withData("expected", expected)
                            .withData("current", current.orElse("none"));
                    if (current.isEmpty()) {
                        return response.down()
                                .withData("error", "not migrated: run the migrate step")
                                .build();
                    }
                    return current.get().equals(expected)
                            ? response.up().build()
                            : response.down()
                                    .withData(
                                            "error",
                                            "schema " + current.get() + " but this build " + "expects " + expected
                                                    + ": run the migrate step")
                                    .build();
                })
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named("schema")
                        .down()
                        .withData("error", e.getMessage())
                        .build());
    }
}
