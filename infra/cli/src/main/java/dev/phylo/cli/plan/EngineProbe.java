package dev.phylo.cli.plan;

import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.Batch;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.ExecutionPlan;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.StrategyResult;
import dev.phylo.engine.backtest.BatchEvaluator;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.evolution.BatchEvaluation;
import dev.phylo.evolution.Generations;
import dev.phylo.evolution.RunDefaults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The plan's built-in benchmark: the real engine, through the same {@link BatchEvaluation} the evaluate function runs,
 * on one thread over {@value #BARS} synthetic one-minute bars and {@value #STRATEGIES} random strategies of the default
 * search space (seeded, so the same strategies every time). It evaluates the batch repeatedly for about
 * {@value #MEASURE_MILLIS} ms after a {@value #WARM_UP_MILLIS} ms warm-up and reports the median throughput: a
 * second or two, so it runs before every plan. The JIT is warm by then but not at its peak, so the figure is on the
 * low side of what {@code scripts/bench} measures.
 *
 * <p>The same batch, and its result with the run's symbols, give the bytes one strategy adds to the run files.
 */
public final class EngineProbe {

    static final int BARS = 100_000;
    static final int STRATEGIES = 64;
    static final long WARM_UP_MILLIS = 500;
    static final long MEASURE_MILLIS = 1_200;
    private static final String SNAPSHOT_ID = "0".repeat(32);

    private EngineProbe() {}

    /**
     * Measures, unless {@code given} names the throughput (then only the file sizes are computed, which takes a few
     * milliseconds and gives the same figures every time).
     */
    public static Measured measure(List<String> symbols, OptionalDouble given) {
        BarSeries series = SyntheticMarket.generate(
                SyntheticConfig.defaults("PROBE", BarInterval.ONE_MINUTE, BARS, RunDefaults.SEED));
        long first = series.time()[0];
        long end = series.time()[series.size() - 1] + 1;
        RunPlan plan = new RunPlan(
                "plan-probe",
                RunDefaults.SEED,
                STRATEGIES,
                1,
                STRATEGIES,
                0,
                RunDefaults.OBJECTIVE,
                RunDefaults.MIN_TRADES,
                List.of(),
                List.of(),
                new ExecutionPlan(
                        RunDefaults.FILL, RunDefaults.FEE_BPS, RunDefaults.SLIPPAGE_BPS, RunDefaults.INITIAL_CAPITAL),
                List.of(new DataSlice("PROBE", "1m", SNAPSHOT_ID, first, end - 1, end - 1, end)));
        Batch batch = Generations.batches(plan, Generations.seed(plan)).get(0);
        try (BatchEvaluation evaluation = new BatchEvaluation(BatchEvaluator.withThreads(1))) {
            BatchResult result = evaluation.evaluate(plan, batch, slice -> series);
            double batchBytes = AtomicFiles.toJson(batch).length / (double) STRATEGIES;
            double resultBytes = AtomicFiles.toJson(withSymbols(result, symbols)).length / (double) STRATEGIES;
            if (given.isPresent()) {
                return new Measured(given.getAsDouble(), "given (--strategy-bars-per-second)", batchBytes, resultBytes);
            }
            return new Measured(time(evaluation, plan, batch, series), basis(), batchBytes, resultBytes);
        }
    }

    private static double time(BatchEvaluation evaluation, RunPlan plan, Batch batch, BarSeries series) {
        long warmUpEnd = System.nanoTime() + WARM_UP_MILLIS * 1_000_000;
        while (System.nanoTime() < warmUpEnd) {
            evaluation.evaluate(plan, batch, slice -> series);
        }
        List<Double> rates = new ArrayList<>();
        long end = System.nanoTime() + MEASURE_MILLIS * 1_000_000;
        while (System.nanoTime() < end || rates.size() < 3) {
            long t0 = System.nanoTime();
            BatchResult result = evaluation.evaluate(plan, batch, slice -> series);
            rates.add(result.strategyBars() / ((System.nanoTime() - t0) / 1e9));
        }
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String basis() {
        return String.format(
                Locale.ROOT,
                "measured on this machine: the engine on one thread, %d random strategies over %,d synthetic 1m bars,"
                        + " median of %.1f s after a %.1f s warm-up",
                STRATEGIES,
                BARS,
                MEASURE_MILLIS / 1000.0,
                WARM_UP_MILLIS / 1000.0);
    }

    /** The result as a run over {@code symbols} would write it: every strategy's metrics under each symbol. */
    private static BatchResult withSymbols(BatchResult result, List<String> symbols) {
        List<StrategyResult> results = new ArrayList<>();
        for (StrategyResult r : result.results()) {
            Metrics metrics = r.metricsBySymbol().values().iterator().next();
            Map<String, Metrics> bySymbol = new LinkedHashMap<>();
            symbols.forEach(s -> bySymbol.put(s, metrics));
            results.add(new StrategyResult(r.id(), r.fitness(), bySymbol));
        }
        return new BatchResult(result.runId(), result.generation(), result.batch(), result.strategyBars(), results);
    }
}
