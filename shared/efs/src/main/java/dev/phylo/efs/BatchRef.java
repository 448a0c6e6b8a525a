package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;

/**
 * Names one batch of one generation of a run: the only thing Step Functions passes to an evaluation. The genomes
 * and the results live in the shared folder.
 *
 * @param generation 0..9999
 * @param batch      0..99999
 */
public record BatchRef(String runId, int generation, int batch) {
    public BatchRef {
        Checks.runId(runId);
        Checks.generation(generation);
        Checks.batch(batch);
    }
}
