package dev.phylo.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.TestSeries;
import dev.phylo.engine.backtest.internal.BlockDriver;
import dev.phylo.engine.backtest.internal.StrategyRunner;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.ExampleStrategies;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch gives each strategy exactly the metrics of its own backtest, whatever the threads and block size. */
class BatchEvaluatorTest {
    private static final ExecutionConfig EXEC = new ExecutionConfig(Fill.NEXT_OPEN, 5, 2, 10_000);

    private static List<StrategySpec> specs() {
        List<StrategySpec> specs = new ArrayList<>(ExampleStrategies.all().values());
        specs.addAll(ExampleStrategies.all().values()); // duplicates share indicators and must not interfere
        return specs;
    }

    @Test
    void batchMetricsEqualSingleBacktests() {
        BarSeries s = TestSeries.randomWalk(20_000, 11);
        List<Metrics> batch;
        try (BatchEvaluator eval = BatchEvaluator.withThreads(2)) {
            batch = eval.evaluate(s, specs(), EXEC);
        }
        for (int i = 0; i < specs().size(); i++) {
            assertThat(batch.get(i))
                    .as("strategy %d", i)
                    .isEqualTo(Backtester.run(s, specs().get(i), EXEC).metrics());
        }
        assertThat(batch.stream().mapToInt(Metrics::tradeCount).sum()).isGreaterThan(100);
    }

    @Test
    void resultsDoNotDependOnThreadsOrBlockSize() {
        BarSeries s = TestSeries.randomWalk(10_007, 5);
        List<Metrics> one;
        List<Metrics> two;
        try (BatchEvaluator a = BatchEvaluator.withThreads(1);
                BatchEvaluator b = BatchEvaluator.withThreads(3)) {
            one = a.evaluate(s, specs(), EXEC);
            two = b.evaluate(s, specs(), EXEC);
        }
        assertThat(two).isEqualTo(one);
        for (int block : new int[] {1, 7, 1000, 50_000}) {
            List<StrategyRunner> runners = BlockDriver.run(s, specs(), EXEC, block, null, i -> null, i -> null);
            for (int i = 0; i < runners.size(); i++) {
                assertThat(runners.get(i).stats().finish(s.size(), s.time()[0], s.time()[s.size() - 1]))
                        .as("block %d strategy %d", block, i)
                        .isEqualTo(one.get(i));
            }
        }
    }
}
