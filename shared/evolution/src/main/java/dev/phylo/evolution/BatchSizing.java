package dev.phylo.evolution;

import java.time.Duration;

/**
 * How many strategies one evaluate invocation gets, so that a batch fits in its EXPRESS child execution with the
 * retries included (docs/architecture.md, "Batch sizing").
 *
 * <p>A batch's time is estimated as {@code batchSize × barsPerStrategy / (throughput × vCPUs)}, where throughput is
 * a planning figure per vCPU below what the evaluate benchmark measures, and Lambda gives a function one vCPU per
 * {@value #MB_PER_VCPU} MB of memory. The estimate may use at most a {@value #TIMEOUT_SHARE}th of evaluate's Lambda
 * timeout: the rest covers a cold start, loading the snapshot and a slower machine. Left to itself the size is two
 * batches per concurrent evaluator (every evaluator stays busy to the end of a generation); a requested size is kept
 * when it fits and refused with the size that would when it does not.
 *
 * <p>The seed function sizes a run's batches with it, and {@code phylo cloud plan} computes the same size before a run
 * starts, so both must use this one definition.
 *
 * @param strategyBarsPerSecond planning throughput per vCPU
 * @param evaluateMemoryMb evaluate's MemorySize
 * @param evaluateTimeout evaluate's Lambda Timeout
 */
public record BatchSizing(double strategyBarsPerSecond, int evaluateMemoryMb, Duration evaluateTimeout) {

    /** https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html: 1,769 MB is one vCPU. */
    public static final int MB_PER_VCPU = 1769;
    /** A batch's estimate may take this share of evaluate's timeout. */
    public static final int TIMEOUT_SHARE = 3;
    /** The most strategies in one batch (one evaluate invocation). */
    public static final int MAX_BATCH_SIZE = 10_000;
    /** The most batches in one generation (Distributed Map items). */
    public static final int MAX_BATCHES = 100_000;
    /**
     * The planning throughput per vCPU, in strategy-bars per second: a third of what the engine benchmark measures per
     * core (150+ M), so that a slower machine or a cold JIT still fits. The seed function uses it unless
     * {@code phylo.evaluate.strategy-bars-per-second} says otherwise.
     */
    public static final double PLANNING_STRATEGY_BARS_PER_SECOND = 5.0e7;

    public BatchSizing {
        if (!(strategyBarsPerSecond > 0) || evaluateMemoryMb < 128 || evaluateTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("throughput, memory (>= 128 MB) and timeout (>= 1 s) must be positive: "
                    + strategyBarsPerSecond + ", " + evaluateMemoryMb + ", " + evaluateTimeout);
        }
    }

    public double vcpus() {
        return evaluateMemoryMb / (double) MB_PER_VCPU; // 10,240 MB: 5.8 here, up to 6 in AWS (conservative)
    }

    /** The seconds one batch's estimate may take. */
    public double budgetSeconds() {
        return evaluateTimeout.toMillis() / 1000.0 / TIMEOUT_SHARE;
    }

    /** The estimated seconds of a batch of {@code size} strategies over {@code barsPerStrategy} bars each. */
    public double seconds(int size, long barsPerStrategy) {
        return (double) size * barsPerStrategy / (strategyBarsPerSecond * vcpus());
    }

    /** The largest batch whose estimate fits the budget (0 when not even one strategy does). */
    public long largestFitting(long barsPerStrategy) {
        return (long) Math.floor(budgetSeconds() * strategyBarsPerSecond * vcpus() / Math.max(1, barsPerStrategy));
    }

    /**
     * The batch size of a run.
     *
     * @param requested the run input's batchSize, or null to choose one
     * @param barsPerStrategy the in-sample bars one strategy is evaluated on, over all symbols
     * @throws BatchDoesNotFitException when the run cannot fit: says by how much and what would
     */
    public int size(Integer requested, int population, int maxConcurrency, long barsPerStrategy) {
        long fitting = Math.min(MAX_BATCH_SIZE, largestFitting(barsPerStrategy));
        int fewest = ceilDiv(population, MAX_BATCHES);
        if (requested != null) {
            if (requested > fitting) {
                throw new BatchDoesNotFitException(("batchSize %d over %,d bars per strategy needs about %.0f s per "
                                + "batch, more than the %.0f s a batch may take (%s); "
                                + (fitting >= fewest ? "use batchSize <= " + fitting : tooLong(barsPerStrategy)))
                        .formatted(
                                requested,
                                barsPerStrategy,
                                seconds(requested, barsPerStrategy),
                                budgetSeconds(),
                                basis()));
            }
            return requested;
        }
        if (fitting < fewest) {
            throw new BatchDoesNotFitException(
                    ("%,d strategies over %,d bars each do not fit in %,d batches of at most %.0f s each (%s): "
                                    + tooLong(barsPerStrategy))
                            .formatted(population, barsPerStrategy, MAX_BATCHES, budgetSeconds(), basis()));
        }
        int spread = ceilDiv(population, 2 * maxConcurrency);
        return (int) Math.max(fewest, Math.min(spread, fitting));
    }

    private String tooLong(long barsPerStrategy) {
        return fitsOne(barsPerStrategy)
                ? "use a smaller population, fewer symbols or a shorter range"
                : "even one strategy would take " + Math.round(seconds(1, barsPerStrategy))
                        + " s: use fewer symbols, a shorter range or a coarser interval, or give evaluate more memory";
    }

    private boolean fitsOne(long barsPerStrategy) {
        return largestFitting(barsPerStrategy) >= 1;
    }

    private String basis() {
        return "a third of evaluate's %d s timeout at %,.0f strategy-bars/s per vCPU, %.2f vCPU at %d MB"
                .formatted(evaluateTimeout.toSeconds(), strategyBarsPerSecond, vcpus(), evaluateMemoryMb);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
