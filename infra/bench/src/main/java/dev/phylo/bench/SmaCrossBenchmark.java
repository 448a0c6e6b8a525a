package dev.phylo.bench;

import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.engine.strategy.StrategySpecs;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The same strategy in both engines, and in a naive loop, on the same 1,000,000 bars: long when SMA(10) crosses above SMA(30), flat when it
 * crosses below, orders at the next open. Each invocation computes its indicators from scratch and produces the list
 * of trades (Phylo also its metrics). Both return the number of positions so the work cannot be optimised away
 * ({@code Ta4jOracleTest} shows the positions are the same). Each benchmark's fork builds only its own series.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 7, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx6g", "-Xms2g"})
public class SmaCrossBenchmark {
    private static final StrategySpec SPEC = StrategySpecs.parse("""
            {"version": 1, "name": "SMA(10)/SMA(30) crossover, long only", "direction": "long",
             "long": {"entry": "sma(10) crosses above sma(30)", "exit": "sma(10) crosses below sma(30)"}}""");

    /** The bars as Phylo holds them. */
    @State(Scope.Benchmark)
    public static class PhyloBars {
        BarSeries series;

        @Setup
        public void setUp() {
            series = BenchData.minuteBars();
        }
    }

    /** The same bars as a ta4j series of {@code DoubleNum}. */
    @State(Scope.Benchmark)
    public static class Ta4jBars {
        org.ta4j.core.BarSeries series;

        @Setup
        public void setUp() {
            BarSeries bars = BenchData.minuteBars();
            series = new BaseBarSeriesBuilder()
                    .withName("BENCH")
                    .withNumTypeOf(DoubleNum.class)
                    .build();
            Duration minute = Duration.ofMinutes(1);
            for (int i = 0; i < bars.size(); i++) {
                series.addBar(
                        minute,
                        Instant.ofEpochMilli(bars.time()[i]).plus(minute).atZone(ZoneOffset.UTC),
                        bars.open()[i],
                        bars.high()[i],
                        bars.low()[i],
                        bars.close()[i],
                        bars.volume()[i]);
            }
        }
    }

    @Benchmark
    public int phylo(PhyloBars bars) {
        return Backtester.run(bars.series, SPEC, ExecutionConfig.DEFAULT, false)
                .trades()
                .size();
    }

    /** The same positions from a plain loop ({@link NaiveSmaCross}): the per-thread baseline of the random batch. */
    @Benchmark
    public int naive(PhyloBars bars) {
        return NaiveSmaCross.run(bars.series.open(), bars.series.close(), null);
    }

    @Benchmark
    public int ta4j(Ta4jBars bars) {
        ClosePriceIndicator close = new ClosePriceIndicator(bars.series);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        BaseStrategy strategy =
                new BaseStrategy(new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow), 30);
        return new BarSeriesManager(bars.series).run(strategy).getPositionCount();
    }
}
