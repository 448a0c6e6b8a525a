package dev.phylo.functions.health;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** Lambda entry point: run the readiness checks; answer the report, or fail when anything is DOWN. */
public class HealthFunction {

    @Inject
    HealthService service;

    @Funq
    public HealthReport health() {
        return service.check();
    }
}
