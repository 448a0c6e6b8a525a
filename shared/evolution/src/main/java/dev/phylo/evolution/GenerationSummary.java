package dev.phylo.evolution;

/**
 * One evaluated generation in a few numbers: how many strategies, the best (fitness, then smallest id) and the median
 * fitness. {@code breed} writes it beside the generation's files; the stall rule reads the earlier ones.
 */
public record GenerationSummary(
        String runId, int generation, int count, String bestId, double bestFitness, double medianFitness) {

    public GenerationSummary {
        if (count < 1) {
            throw new IllegalArgumentException("a generation summary needs at least one strategy: " + count);
        }
    }
}
