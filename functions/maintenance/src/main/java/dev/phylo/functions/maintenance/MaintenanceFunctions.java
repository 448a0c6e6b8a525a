package dev.phylo.functions.maintenance;

import dev.phylo.schema.MigrationResult;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * Two entry points, one exported per deployment: {@code migrate} (invoked by the deploy script; the schema never
 * changes at function start) and {@code retention} (on a schedule).
 */
public class MaintenanceFunctions {

    @Inject
    MaintenanceService service;

    @Funq
    public MigrationResult migrate() {
        return service.migrate();
    }

    @Funq
    public RetentionReport retention(RetentionRequest request) {
        return service.retention(request);
    }
}
