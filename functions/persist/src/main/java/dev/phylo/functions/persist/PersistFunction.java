package dev.phylo.functions.persist;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** Lambda entry point: store one evaluated generation {runId, generation} in Neon. */
public class PersistFunction {

    @Inject
    PersistService service;

    @Funq
    public PersistSummary persist(PersistRequest request) {
        return service.persist(request);
    }
}
