package dev.phylo.bench;

import dev.phylo.engine.backtest.BatchEvaluator;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap of one random-batch evaluation (512 strategies x 1,000,000 bars, all cores). Run it under
 * {@code -Xmx512m}: finishing at all shows the batch fits; the figure is the sum of the heap pools' peak usage, an upper
 * bound on the true peak.
 */
public final class BatchHeap {
    private BatchHeap() {}

    public static void main(String[] args) {
        BarSeries series = BenchData.minuteBars();
        List<StrategySpec> specs = RandomBatch.specs();
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        List<Metrics> m;
        try (BatchEvaluator eval = BatchEvaluator.allCores()) {
            m = eval.evaluate(series, specs, ExecutionConfig.DEFAULT);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf(
                "batch-heap strategies=%d bars=%d trades=%d peakHeapMB=%.1f maxHeapMB=%.1f%n",
                m.size(),
                series.size(),
                m.stream().mapToLong(Metrics::tradeCount).sum(),
                peak / 1e6,
                max / 1e6);
    }
}
