package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import java.util.List;

/**
 * What one evaluation produced: {@code runs/<runId>/gen-<g>/result-<b>.json}.
 *
 * @param strategyBars bars backtested in total (strategies × bars), for throughput figures
 * @param results      one per individual of the batch
 */
public record BatchResult(String runId, int generation, int batch, long strategyBars, List<StrategyResult> results) {
    public BatchResult {
        Checks.runId(runId);
        Checks.generation(generation);
        Checks.batch(batch);
        if (strategyBars < 0) {
            throw new IllegalArgumentException("strategyBars must be >= 0: " + strategyBars);
        }
        results = Checks.list("results", results);
    }

    public BatchRef ref() {
        return new BatchRef(runId, generation, batch);
    }
}
