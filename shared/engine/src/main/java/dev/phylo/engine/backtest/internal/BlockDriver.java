package dev.phylo.engine.backtest.internal;

import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.indicator.IndicatorSpec;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Drives a batch of strategies over a series in blocks of bars: first every distinct indicator fills its block
 * (in parallel), then every strategy runs over the block (in parallel). Memory is bounded by the block size, not
 * the series length, and the result does not depend on the number of threads.
 */
public final class BlockDriver {
    /** Default bars per block: measured best of 4K-32K on the random batch; fewer barriers, blocks still cache-friendly. */
    public static final int DEFAULT_BLOCK = 16_384;

    private BlockDriver() {}

    /**
     * Runs {@code specs} over {@code series}. {@code sinks} and {@code curves} give an optional trade sink and equity
     * array per strategy (may return null). {@code pool} null runs everything on the calling thread.
     */
    public static List<StrategyRunner> run(
            BarSeries series,
            List<StrategySpec> specs,
            ExecutionConfig exec,
            int blockSize,
            ExecutorService pool,
            IntFunction<TradeSink> sinks,
            IntFunction<double[]> curves) {
        List<IndicatorSpec> all = new ArrayList<>();
        int lead = 1;
        for (StrategySpec spec : specs) {
            all.addAll(SignalProgram.indicators(spec));
            lead = Math.max(lead, SignalProgram.lookback(spec));
        }
        int n = series.size();
        int block = Math.max(1, Math.min(blockSize, Math.max(n, 1)));
        IndicatorBank bank = IndicatorBank.of(series, all, lead, block);
        List<StrategyRunner> runners = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            runners.add(new StrategyRunner(specs.get(i), bank, exec, block, sinks.apply(i), curves.apply(i)));
        }
        ThreadLocal<RunnerScratch> scratches = ThreadLocal.withInitial(() -> new RunnerScratch(block));
        int threads = pool == null ? 1 : Runtime.getRuntime().availableProcessors();
        int chunks = Math.max(1, Math.min(runners.size(), threads * 32));
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            warm(series.open(), from, to);
            runAll(pool, bank.blockTasks(from, to));
            runAll(pool, bank.conditionTasks());
            List<Callable<Void>> strategyTasks = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                int lo = (int) ((long) runners.size() * c / chunks);
                int hi = (int) ((long) runners.size() * (c + 1) / chunks);
                int blockFrom = from;
                strategyTasks.add(() -> {
                    RunnerScratch scratch = scratches.get();
                    for (int r = lo; r < hi; r++) {
                        runners.get(r).runBlock(bank, blockFrom, to, scratch);
                    }
                    return null;
                });
            }
            runAll(pool, strategyTasks);
        }
        return runners;
    }

    /**
     * Reads one value per cache line of {@code a[from, to)}. Strategies read the open price only at the few bars where
     * an order fills, too sparsely for the hardware prefetcher; without this each such read is a trip to memory.
     */
    private static void warm(double[] a, int from, int to) {
        double acc = 0;
        for (int i = from; i < to; i += 8) {
            acc += a[i];
        }
        warmSink = acc;
    }

    /** Keeps {@link #warm}'s reads from being optimised away. */
    @SuppressWarnings("unused")
    private static volatile double warmSink;

    private static void runAll(ExecutorService pool, List<Callable<Void>> tasks) {
        try {
            if (pool == null || tasks.size() == 1) {
                for (Callable<Void> task : tasks) {
                    task.call();
                }
                return;
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("backtest task failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("backtest interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("backtest task failed", e);
        }
    }
}
