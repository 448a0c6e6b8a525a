package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import java.util.List;

/** All genomes of one generation: {@code runs/<runId>/gen-<g>/population.json}. */
public record Population(String runId, int generation, List<Individual> individuals) {
    public Population {
        Checks.runId(runId);
        Checks.generation(generation);
        individuals = Checks.list("individuals", individuals);
        if (individuals.isEmpty()) {
            throw new IllegalArgumentException("population %s/%d has no individuals".formatted(runId, generation));
        }
    }
}
