package dev.phylo.functions.evaluate;

import dev.phylo.efs.BatchRef;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** Lambda entry point: one batch reference {runId, generation, batch} in, a small summary out. */
public class EvaluateFunction {

    @Inject
    EvaluateService service;

    @Funq
    public EvaluateSummary evaluate(BatchRef batch) {
        return service.evaluate(batch);
    }
}
