package dev.phylo.functions.report;

import dev.phylo.efs.DataSlice;
import dev.phylo.efs.RunPlan;
import dev.phylo.engine.backtest.BacktestResult;
import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.evolution.PlanTerms;
import dev.phylo.evolution.validation.BlockSums;
import dev.phylo.evolution.validation.DeflatedSharpe;
import dev.phylo.evolution.validation.OverfitFlag;
import dev.phylo.evolution.validation.Pbo;
import dev.phylo.evolution.validation.ReturnMoments;
import dev.phylo.evolution.validation.TrialSharpes;
import java.util.ArrayList;
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
 *   <li>Top K: the distinct strategies of all complete generations by in-sample fitness (ties: smaller id), one
 *       per behaviour (see {@link #distinctBehaviour}).</li>
 *   <li>Each is backtested on every symbol in sample (with its equity curve) and out of sample, each range from the
 *       initial capital, with the plan's execution.</li>
 *   <li>DSR per symbol: its in-sample return moments against N = every distinct strategy of the run and V = the
 *       variance of their per-bar in-sample Sharpe ratios on that symbol (from the result files).</li>
 *   <li>PBO: CSCV over the final generation's distinct strategies, one per behaviour, their in-sample per-bar
 *       returns on the plan's first symbol (the one every run has), S = 16 blocks. A return after equity reached 0
 *       counts as 0.</li>
 * </ul>
 */
final class Validator {

    static final String RULE = "A strategy is flagged as likely overfit when its deflated Sharpe ratio is below 0.95 "
            + "(or undefined), or its Sharpe ratio is > 0 in sample but <= 0 (or undefined) out of sample, or it is > 0 "
            + "in sample and below half of that out of sample. Strategy-level values are means over the symbols "
            + "(undefined when undefined on any symbol).";

    private Validator() {}

    static Validation validate(RunHistory history, RunData data, int topK) {
        RunPlan plan = history.plan();
        ExecutionConfig execution = PlanTerms.execution(plan);
        List<RunHistory.Trial> trials = history.trials();
        long n = trials.size();
        Map<String, SymbolTrials> trialsBySymbol = new LinkedHashMap<>();
        for (DataSlice slice : plan.data()) {
            trialsBySymbol.put(slice.symbol(), trials(slice, data.inSample(slice), trials));
        }
        Top top = distinctBehaviour(history.ranked(), topK);
        List<ValidatedStrategy> validated = parallel(
                top.trials().size(), i -> validate(i + 1, top.trials().get(i), plan, data, execution, trialsBySymbol));
        int flagged =
                (int) validated.stream().filter(ValidatedStrategy::overfit).count();
        return new Validation(
                plan.runId(),
                history.generations(),
                validated.size(),
                top.equivalentsSkipped(),
                n,
                RULE,
                List.copyOf(trialsBySymbol.values()),
                pbo(history, data, execution),
                validated,
                flagged);
    }

    /** The strategies to validate, and how many were passed over as equivalent to a better-ranked one. */
    record Top(List<RunHistory.Trial> trials, int equivalentsSkipped) {}

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
        return new Top(List.copyOf(kept), skipped);
    }

    private static SymbolTrials trials(DataSlice slice, BarSeries inSample, List<RunHistory.Trial> trials) {
        int bars = inSample.size();
        double barsPerYear = TrialSharpes.barsPerYear(bars, inSample.time()[0], inSample.time()[bars - 1]);
        double[] sharpes = trials.stream()
                .map(t -> t.sharpeBySymbol().get(slice.symbol()))
                .filter(sharpe -> sharpe != null)
                .mapToDouble(sharpe -> TrialSharpes.perBar(sharpe, barsPerYear))
                .toArray();
        TrialSharpes stats = TrialSharpes.of(trials.size(), sharpes);
        return new SymbolTrials(
                slice.symbol(),
                stats.trials(),
                stats.defined(),
                barsPerYear,
                stats.variance(),
                DeflatedSharpe.expectedMaximum(stats.trials(), stats.variance()));
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
        for (DataSlice slice : plan.data()) {
            BacktestResult in = Backtester.run(data.inSample(slice), trial.spec(), execution, true);
            Metrics out = Backtester.run(data.outOfSample(slice), trial.spec(), execution, false)
                    .metrics();
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
                            flag.reasons()));
            inSharpe.add(in.metrics().sharpe());
            outSharpe.add(out.sharpe());
            deflated.add(dsr);
        }
        Double is = mean(inSharpe);
        Double oos = mean(outSharpe);
        Double dsr = mean(deflated);
        OverfitFlag flag = OverfitFlag.of(dsr, is, oos);
        return new ValidatedStrategy(
                rank,
                trial.id(),
                trial.spec().name(),
                trial.generation(),
                trial.fitness(),
                is,
                oos,
                dsr,
                flag.overfit(),
                flag.reasons(),
                bySymbol);
    }

    private static PboEstimate pbo(RunHistory history, RunData data, ExecutionConfig execution) {
        // one column per behaviour: clones (the same trades under other ids) would only add ties around the winner
        List<RunHistory.Trial> last =
                distinctBehaviour(history.finalGeneration(), Integer.MAX_VALUE).trials();
        DataSlice slice = history.plan().data().get(0);
        BarSeries inSample = data.inSample(slice);
        int blocks = Pbo.DEFAULT_BLOCKS;
        if (last.size() < 2 || inSample.size() - 1 < 2 * blocks) {
            return null; // nothing to compare, or blocks of a single bar
        }
        List<BlockSums> sums = parallel(
                last.size(),
                i -> BlockSums.of(
                        returns(Backtester.run(inSample, last.get(i).spec(), execution, true)
                                .equity()),
                        blocks));
        Pbo pbo = Pbo.of(sums);
        return new PboEstimate(
                pbo.probability(),
                slice.symbol(),
                history.generations() - 1,
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
