package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * This result with ids and fitness only, no per-symbol metrics: what breeding and generation summaries read. A
     * million strategies' metrics take about a gigabyte of heap, their ids and fitness values a tenth of that.
     */
    public BatchResult scoresOnly() {
        List<StrategyResult> scores = new ArrayList<>(results.size());
        for (StrategyResult r : results) {
            scores.add(new StrategyResult(r.id(), r.fitness(), Map.of()));
        }
        return new BatchResult(runId, generation, batch, strategyBars, scores);
    }
}
