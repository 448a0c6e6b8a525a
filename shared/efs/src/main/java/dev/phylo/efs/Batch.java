package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import java.util.List;

/** The genomes one evaluation scores: {@code runs/<runId>/gen-<g>/batch-<b>.json}. */
public record Batch(String runId, int generation, int batch, List<Individual> individuals) {
    public Batch {
        Checks.runId(runId);
        Checks.generation(generation);
        Checks.batch(batch);
        individuals = Checks.list("individuals", individuals);
        if (individuals.isEmpty()) {
            throw new IllegalArgumentException("batch %s/%d/%d has no individuals".formatted(runId, generation, batch));
        }
    }

    public BatchRef ref() {
        return new BatchRef(runId, generation, batch);
    }
}
