package dev.phylo.cli.plan;

/**
 * What a plan takes from this machine: the engine's throughput on one thread (one vCPU's worth, as Lambda gives one
 * vCPU per 1,769 MB), and the size of the run files one strategy adds, from a real batch and its real result.
 *
 * @param strategyBarsPerSecond        the engine's throughput per vCPU
 * @param throughputBasis              how it was found: measured here (how long, on what) or given
 * @param batchBytesPerStrategy        one strategy's share of a batch (and population) file
 * @param resultBytesPerStrategy       one strategy's share of a result file, with the run's symbols
 */
public record Measured(
        double strategyBarsPerSecond,
        String throughputBasis,
        double batchBytesPerStrategy,
        double resultBytesPerStrategy) {

    public Measured {
        if (!(strategyBarsPerSecond > 0) || Double.isInfinite(strategyBarsPerSecond)) {
            throw new IllegalArgumentException(
                    "strategy-bars per second must be positive and finite: " + strategyBarsPerSecond);
        }
        if (!(batchBytesPerStrategy > 0) || !(resultBytesPerStrategy > 0)) {
            throw new IllegalArgumentException("bytes per strategy must be positive: batch " + batchBytesPerStrategy
                    + ", result " + resultBytesPerStrategy);
        }
    }
}
