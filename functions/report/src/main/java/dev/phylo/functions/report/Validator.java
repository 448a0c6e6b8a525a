package dev.phylo.functions.report;

import dev.phylo.efs.DataSlice;
import dev.phylo.efs.RunPlan;
import dev.phylo.engine.backtest.BacktestResult;
import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.evolution.PlanTerms;
import dev.phylo.evolution.validation.BenchmarkComparison;
import dev.phylo.evolution.validation.BlockSums;
import dev.phylo.evolution.validation.DeflatedSharpe;
import dev.phylo.evolution.validation.OverfitFlag;
import dev.phylo.evolution.validation.Pbo;
import dev.phylo.evolution.validation.ReturnClusters;
import dev.phylo.evolution.validation.ReturnMoments;
import dev.phylo.evolution.validation.TrialSharpes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Validates a run's best strategies out of sample. Deterministic: backtests run in parallel, but every result is
 * collected in a fixed order, so the same run files and snapshots give the same {@link Validation}.
 *
 * <ul>
 *   <li>Trials: the distinct strategies of all complete generations, one per behaviour (see
 *       {@link #distinctBehaviour}), by in-sample fitness. Their in-sample returns over every symbol
 *       ({@link TrialReturns}) are clustered by correlation ({@link ReturnClusters}, threshold
 *       {@link ReturnClusters#DEFAULT_THRESHOLD}); each cluster's leader is its best strategy, its representative.
 *       </li>
 *   <li>Top K: the first K trials. Each is backtested on every symbol in sample (with its equity curve) and out of
 *       sample, each range from the initial capital, with the plan's execution, and compared with buy-and-hold on the
 *       same bars ({@link BenchmarkComparison}).</li>
 *   <li>DSR per symbol: its in-sample return moments against N = the clusters (independent trials) and V = the
 *       variance of the representatives' per-bar in-sample Sharpe ratios on that symbol.</li>
 *   <li>PBO: CSCV over the representatives, across all generations, with the symbols pooled block by block, S = 16
 *       blocks. A return after equity reached 0 counts as 0.</li>
 * </ul>
 */
final class Validator {

    static final String RULE = "A strategy is flagged as likely overfit when its deflated Sharpe ratio is below 0.95 "
            + "(or undefined), or its Sharpe ratio is > 0 in sample but <= 0 (or undefined) out of sample, or it is > 0 "
            + "in sample and below half of that out of sample. Strategy-level values are means over the symbols "
            + "(undefined when undefined on any symbol).";

    private Validator() {}

    /** At most this many behaviours are clustered; above it, an even sample by rank (see {@link EffectiveTrials}). */
    static final int CLUSTER_LIMIT = 3000;

    static Validation validate(RunHistory history, RunData data, int topK, double maxCorrelation) {
        RunPlan plan = history.plan();
        ExecutionConfig execution = PlanTerms.execution(plan);
        Top behaviours = distinctBehaviour(history.ranked(), Integer.MAX_VALUE);
        List<RunHistory.Trial> sample = evenSample(behaviours.trials(), CLUSTER_LIMIT);
        TrialReturns returns = new TrialReturns(plan, data, execution, Pbo.DEFAULT_BLOCKS);
        List<TrialReturns.Reduced> reduced = returns.of(sample);
        ReturnClusters clusters = ReturnClusters.of(
                reduced.stream().map(TrialReturns.Reduced::points).toList(), ReturnClusters.DEFAULT_THRESHOLD);
        List<RunHistory.Trial> representatives =
                Arrays.stream(clusters.leaders()).mapToObj(sample::get).toList();
        EffectiveTrials effective = new EffectiveTrials(
                history.trials().size(),
                behaviours.trials().size(),
                sample.size(),
                clusters.count(),
                clusters.threshold(),
                returns.barsPerPoint(),
                reduced.isEmpty() ? 0 : reduced.get(0).points().length);
        Map<String, SymbolTrials> trialsBySymbol = new LinkedHashMap<>();
        for (DataSlice slice : plan.data()) {
            trialsBySymbol.put(
                    slice.symbol(),
                    trials(slice, data.inSample(slice), behaviours.trials().size(), representatives));
        }
        Map<String, double[]> pointsById = new HashMap<>();
        for (int i = 0; i < sample.size(); i++) {
            pointsById.put(sample.get(i).id(), reduced.get(i).points());
        }
        Top top = distinctReturns(history.ranked(), topK, maxCorrelation, pointsById, returns);
        List<ValidatedStrategy> validated = parallel(
                top.trials().size(), i -> validate(i + 1, top.trials().get(i), plan, data, execution, trialsBySymbol));
        int flagged =
                (int) validated.stream().filter(ValidatedStrategy::overfit).count();
        PboEstimate pbo = returns.blocksFit() && representatives.size() >= 2
                ? pbo(
                        Arrays.stream(clusters.leaders())
                                .mapToObj(i -> reduced.get(i).blocks())
                                .toList(),
                        plan)
                : null;
        return new Validation(
                plan.runId(),
                history.generations(),
                validated.size(),
                top.equivalentsSkipped(),
                top.similarSkipped(),
                maxCorrelation,
                effective.raw(),
                effective,
                RULE,
                List.copyOf(trialsBySymbol.values()),
                pbo,
                validated,
                flagged);
    }

    /** {@code ranked} itself when it has at most {@code limit} entries, else {@code limit} of them evenly by rank. */
    static <T> List<T> evenSample(List<T> ranked, int limit) {
        int n = ranked.size();
        if (n <= limit) {
            return ranked;
        }
        List<T> sample = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            sample.add(ranked.get((int) ((long) i * n / limit)));
        }
        return sample;
    }

    /**
     * The strategies to validate; how many were passed over as equivalent to a better-ranked one (the same in-sample
     * results), and how many for in-sample returns that correlate above the limit with a better-ranked one's.
     */
    record Top(List<RunHistory.Trial> trials, int equivalentsSkipped, int similarSkipped) {}

    /**
     * The first {@code k} of {@code ranked} that behave differently (see {@link #distinctBehaviour}) and whose
     * in-sample returns correlate at most {@code maxCorrelation} with every one kept before them (1: no limit), so
     * that the leaderboard does not say one thing ten times.
     */
    private static Top distinctReturns(
            List<RunHistory.Trial> ranked,
            int k,
            double maxCorrelation,
            Map<String, double[]> pointsById,
            TrialReturns returns) {
        List<RunHistory.Trial> kept = new ArrayList<>(k);
        List<double[]> keptPoints = new ArrayList<>(k);
        java.util.Set<Behaviour> behaviours = new java.util.HashSet<>();
        int equivalent = 0;
        int similar = 0;
        for (RunHistory.Trial trial : ranked) {
            if (kept.size() == k) {
                break;
            }
            if (!behaviours.add(trial.behaviour())) {
                equivalent++;
                continue;
            }
            if (maxCorrelation < 1) {
                double[] points = pointsById.get(trial.id());
                if (points == null) {
                    points = returns.of(List.of(trial)).get(0).points();
                }
                boolean close = false;
                for (double[] other : keptPoints) {
                    if (ReturnClusters.correlation(points, other) > maxCorrelation) {
                        close = true;
                        break;
                    }
                }
                if (close) {
                    similar++;
                    continue;
                }
                keptPoints.add(points);
            }
            kept.add(trial);
        }
        return new Top(List.copyOf(kept), equivalent, similar);
    }

    /**
     * The first {@code k} of {@code ranked} that behave differently. Genes that never act (a stop that is never hit, a
     * filter that never blocks) give strategies with other ids but the same trades; their in-sample metrics are then
     * equal on every symbol, number for number, and only the best-ranked of them is kept. Strategies that trade
     * differently do not share all fifteen metrics on every symbol in practice.
     */
    static Top distinctBehaviour(List<RunHistory.Trial> ranked, int k) {
        List<RunHistory.Trial> kept = new ArrayList<>(Math.min(k, ranked.size()));
        java.util.Set<Behaviour> seen = new java.util.HashSet<>();
        int skipped = 0;
        for (RunHistory.Trial trial : ranked) {
            if (kept.size() == k) {
                break;
            }
            if (seen.add(trial.behaviour())) {
                kept.add(trial);
            } else {
                skipped++;
            }
        }
        return new Top(List.copyOf(kept), skipped, 0);
    }

    /**
     * The DSR inputs on one symbol: N = the distinct behaviours, V = 1 / T, the variance of a zero-skill strategy's
     * per-bar Sharpe ratio estimated from T returns (Lo, "The Statistics of Sharpe Ratios", Financial Analysts
     * Journal 58(4), 2002, at SR = 0); and, for the record, the spread of the representatives' Sharpe ratios, which
     * skill widens (docs/architecture.md, "Validation").
     */
    private static SymbolTrials trials(
            DataSlice slice, BarSeries inSample, long behaviours, List<RunHistory.Trial> representatives) {
        int bars = inSample.size();
        double barsPerYear = TrialSharpes.barsPerYear(bars, inSample.time()[0], inSample.time()[bars - 1]);
        double[] sharpes = representatives.stream()
                .map(t -> t.sharpeBySymbol().get(slice.symbol()))
                .filter(sharpe -> sharpe != null)
                .mapToDouble(sharpe -> TrialSharpes.perBar(sharpe, barsPerYear))
                .toArray();
        TrialSharpes spread = TrialSharpes.of(Math.max(1, representatives.size()), sharpes);
        long n = Math.max(1, behaviours);
        double nullVariance = 1.0 / (bars - 1);
        return new SymbolTrials(
                slice.symbol(),
                n,
                bars - 1,
                barsPerYear,
                nullVariance,
                DeflatedSharpe.expectedMaximum(n, nullVariance),
                spread.trials(),
                spread.variance());
    }

    private static ValidatedStrategy validate(
            int rank,
            RunHistory.Trial trial,
            RunPlan plan,
            RunData data,
            ExecutionConfig execution,
            Map<String, SymbolTrials> trialsBySymbol) {
        Map<String, SymbolValidation> bySymbol = new LinkedHashMap<>();
        List<Double> inSharpe = new ArrayList<>();
        List<Double> outSharpe = new ArrayList<>();
        List<Double> deflated = new ArrayList<>();
        List<Double> excess = new ArrayList<>();
        int mostlyBeta = 0;
        for (DataSlice slice : plan.data()) {
            BarSeries inSample = data.inSample(slice);
            BarSeries outOfSample = data.outOfSample(slice);
            BacktestResult in = Backtester.run(inSample, trial.spec(), execution, true);
            BacktestResult outRun = Backtester.run(outOfSample, trial.spec(), execution, true);
            Metrics out = outRun.metrics();
            BenchmarkComparison inBenchmark = benchmark(inSample, in.equity());
            BenchmarkComparison outBenchmark = benchmark(outOfSample, outRun.equity());
            SymbolTrials stats = trialsBySymbol.get(slice.symbol());
            ReturnMoments moments = positive(in.equity()) ? ReturnMoments.ofEquity(in.equity()) : null;
            boolean defined = moments != null && moments.defined();
            Double dsr = defined
                    ? DeflatedSharpe.of(moments, stats.trials(), stats.sharpeVariance())
                            .probability()
                    : null;
            OverfitFlag flag = OverfitFlag.of(dsr, in.metrics().sharpe(), out.sharpe());
            bySymbol.put(
                    slice.symbol(),
                    new SymbolValidation(
                            in.metrics(),
                            out,
                            defined ? moments.sharpe() : null,
                            defined ? moments.skewness() : null,
                            defined ? moments.kurtosis() : null,
                            in.equity().length - 1,
                            dsr,
                            flag.overfit(),
                            flag.reasons(),
                            inBenchmark,
                            outBenchmark));
            inSharpe.add(in.metrics().sharpe());
            outSharpe.add(out.sharpe());
            deflated.add(dsr);
            excess.add(outBenchmark == null ? null : outBenchmark.excessReturn());
            if (inBenchmark != null && inBenchmark.mostlyBeta()) {
                mostlyBeta++;
            }
        }
        Double is = mean(inSharpe);
        Double oos = mean(outSharpe);
        Double dsr = mean(deflated);
        OverfitFlag flag = OverfitFlag.of(dsr, is, oos);
        return new ValidatedStrategy(
                rank,
                trial.id(),
                trial.spec().name(),
                RiskLabel.of(trial.spec()),
                trial.generation(),
                trial.fitness(),
                is,
                oos,
                dsr,
                flag.overfit(),
                flag.reasons(),
                mean(excess),
                2 * mostlyBeta >= plan.data().size(),
                bySymbol);
    }

    /** The strategy's equity curve against buy-and-hold on the same bars; null for fewer than 3 bars. */
    private static BenchmarkComparison benchmark(BarSeries bars, double[] equity) {
        int n = bars.size();
        if (n < 3 || bars.time()[n - 1] <= bars.time()[0]) {
            return null;
        }
        return BenchmarkComparison.of(
                returns(equity),
                BenchmarkComparison.buyAndHold(bars.close()),
                TrialSharpes.barsPerYear(n, bars.time()[0], bars.time()[n - 1]));
    }

    private static PboEstimate pbo(List<BlockSums> representatives, RunPlan plan) {
        Pbo pbo = Pbo.of(representatives);
        return new PboEstimate(
                pbo.probability(),
                plan.data().stream().map(DataSlice::symbol).toList(),
                pbo.strategies(),
                pbo.blocks(),
                pbo.bars(),
                pbo.droppedBars(),
                pbo.splits(),
                pbo.overfitSplits(),
                pbo.meanLogit());
    }

    /** Per-bar returns of an equity curve; a bar after equity reached 0 returns 0 (nothing left to gain or lose). */
    static double[] returns(double[] equity) {
        double[] r = new double[equity.length - 1];
        for (int t = 1; t < equity.length; t++) {
            r[t - 1] = equity[t - 1] > 0 ? equity[t] / equity[t - 1] - 1.0 : 0.0;
        }
        return r;
    }

    private static boolean positive(double[] equity) {
        for (double e : equity) {
            if (!(e > 0)) {
                return false;
            }
        }
        return true;
    }

    /** The mean, or null when any value is undefined. */
    static Double mean(List<Double> values) {
        double sum = 0;
        for (Double v : values) {
            if (v == null) {
                return null;
            }
            sum += v;
        }
        return values.isEmpty() ? null : sum / values.size();
    }

    /** {@code f(0..n-1)} computed in parallel, returned in index order. */
    private static <T> List<T> parallel(int n, Function<Integer, T> f) {
        return IntStream.range(0, n).parallel().mapToObj(f::apply).toList();
    }
}
