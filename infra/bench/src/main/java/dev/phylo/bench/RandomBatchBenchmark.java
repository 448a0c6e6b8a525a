package dev.phylo.bench;

import dev.phylo.engine.backtest.BatchEvaluator;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 512 random strategies from the default search space over 1,000,000 one-minute bars, in a 512 MB heap: one thread,
 * then every core. One operation evaluates the whole batch (512 million strategy-bars), indicators included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
public class RandomBatchBenchmark {

    @Param({"1", "all"})
    public String threads;

    private BarSeries series;
    private List<StrategySpec> specs;
    private BatchEvaluator evaluator;

    @Setup
    public void setUp() {
        series = BenchData.minuteBars();
        specs = RandomBatch.specs();
        evaluator = threads.equals("all")
                ? BatchEvaluator.allCores()
                : BatchEvaluator.withThreads(Integer.parseInt(threads));
    }

    @TearDown
    public void tearDown() {
        evaluator.close();
    }

    @Benchmark
    public int batch() {
        List<Metrics> m = evaluator.evaluate(series, specs, ExecutionConfig.DEFAULT);
        int trades = 0;
        for (Metrics x : m) {
            trades += x.tradeCount();
        }
        return trades;
    }
}
