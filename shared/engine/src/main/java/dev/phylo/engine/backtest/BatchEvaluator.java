package dev.phylo.engine.backtest;

import dev.phylo.engine.backtest.internal.BlockDriver;
import dev.phylo.engine.backtest.internal.StrategyRunner;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Evaluates many strategies on one series: each distinct indicator (kind and parameters) is computed once for the
 * whole batch, the strategies run in parallel on all cores, and memory stays bounded by the block size. Results are
 * in input order and identical whatever the thread count.
 */
public final class BatchEvaluator implements AutoCloseable {
    private final ExecutorService pool;
    private final int blockSize;

    private BatchEvaluator(int threads, int blockSize) {
        this.pool = threads <= 1
                ? null
                : Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "phylo-eval");
                    t.setDaemon(true);
                    return t;
                });
        this.blockSize = blockSize;
    }

    /** An evaluator using every available core. */
    public static BatchEvaluator allCores() {
        return new BatchEvaluator(Runtime.getRuntime().availableProcessors(), BlockDriver.DEFAULT_BLOCK);
    }

    /** An evaluator on {@code threads} threads (1 = the calling thread only). */
    public static BatchEvaluator withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        return new BatchEvaluator(threads, BlockDriver.DEFAULT_BLOCK);
    }

    public List<Metrics> evaluate(BarSeries series, List<StrategySpec> specs, ExecutionConfig exec) {
        if (series.size() < 2) {
            throw new IllegalArgumentException(
                    "a backtest needs at least 2 bars; %s has %d".formatted(series, series.size()));
        }
        List<StrategyRunner> runners = BlockDriver.run(series, specs, exec, blockSize, pool, i -> null, i -> null);
        long first = series.time()[0];
        long last = series.time()[series.size() - 1];
        List<Metrics> out = new ArrayList<>(runners.size());
        for (StrategyRunner r : runners) {
            out.add(r.stats().finish(series.size(), first, last));
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
