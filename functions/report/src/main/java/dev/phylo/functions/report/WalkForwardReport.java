package dev.phylo.functions.report;

import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.WalkForwardPlan;
import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.evolution.PlanTerms;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stitches a walk-forward run's folds (docs/architecture.md, decision 18). Each fold's winner is its run's best
 * strategy by in-sample fitness, the one it would have traded; it is backtested on the fold's test window exactly as
 * the fold's validation did (same bars, same costs, starting flat), and the windows' equity is chained into one
 * out-of-sample history per symbol, beside buy-and-hold over the same windows.
 */
final class WalkForwardReport {

    private static final double YEAR_MILLIS = 365.25 * 24 * 3600 * 1000;

    /** One symbol's stitched history: bar times, the strategy's and buy-and-hold's equity as multiples of 1. */
    record Curve(String symbol, double[] time, double[] strategy, double[] hold) {}

    record Result(WalkForwardFile file, List<Curve> curves, List<long[]> testWindows) {}

    private WalkForwardReport() {}

    /**
     * @param folds the fold runs' histories and validations, by run id
     * @param dataOf each fold plan's market data
     */
    static Result build(
            WalkForwardPlan plan,
            Function<String, RunHistory> histories,
            Function<String, Validation> validations,
            Function<RunPlan, RunData> dataOf,
            ReportPaths paths) {
        Map<String, Stitch> stitches = new LinkedHashMap<>();
        List<FoldRow> rows = new ArrayList<>();
        List<long[]> windows = new ArrayList<>();
        RunPlan first = null;
        int flagged = 0;
        for (WalkForwardPlan.Fold fold : plan.folds()) {
            RunHistory history = histories.apply(fold.runId());
            RunPlan runPlan = history.plan();
            first = first == null ? runPlan : first;
            RunData data = dataOf.apply(runPlan);
            RunHistory.Trial winner = history.ranked().get(0);
            ValidatedStrategy verdict = validations.apply(fold.runId()).strategies().stream()
                    .filter(v -> v.id().equals(winner.id()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("fold " + fold.fold() + " (" + fold.runId()
                            + "): its best strategy " + winner.id() + " is not in its validation.json"));
            double strategyReturn = 0;
            double holdReturn = 0;
            int bars = 0;
            for (DataSlice slice : runPlan.data()) {
                BarSeries test = data.outOfSample(slice);
                double capital = runPlan.execution().initialCapital();
                double[] equity = Backtester.run(test, winner.spec(), PlanTerms.execution(runPlan), true)
                        .equity();
                Stitch s = stitches.computeIfAbsent(slice.symbol(), Stitch::new);
                double[] close = test.close();
                double segmentStrategy = equity[equity.length - 1] / capital - 1;
                double segmentHold = close[close.length - 1] / close[0] - 1;
                s.append(test.time(), equity, capital, close, segmentStrategy > segmentHold);
                strategyReturn += segmentStrategy;
                holdReturn += segmentHold;
                bars = Math.max(bars, test.size());
            }
            int symbols = runPlan.data().size();
            flagged += verdict.overfit() ? 1 : 0;
            windows.add(new long[] {fold.testFrom(), fold.testTo()});
            rows.add(new FoldRow(
                    fold.fold(),
                    fold.runId(),
                    iso(fold.trainFrom()),
                    iso(fold.testFrom()),
                    iso(fold.testTo()),
                    bars,
                    winner.id(),
                    winner.spec().name(),
                    verdict.risk(),
                    verdict.inSampleSharpe(),
                    verdict.outOfSampleSharpe(),
                    verdict.deflatedSharpe(),
                    strategyReturn / symbols,
                    holdReturn / symbols,
                    verdict.overfit(),
                    "../" + fold.runId() + "/" + ReportService.HTML));
        }
        List<StitchedSymbol> stitched = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        double strategy = 0;
        double hold = 0;
        for (Stitch s : stitches.values()) {
            StitchedSymbol summary = s.summary();
            stitched.add(summary);
            curves.add(s.curve());
            strategy += summary.strategyReturn();
            hold += summary.buyAndHoldReturn();
        }
        WalkForwardFile file = new WalkForwardFile(
                plan.runId(),
                first.data().stream().map(DataSlice::symbol).toList(),
                first.data().get(0).interval(),
                plan.anchored(),
                first.populationSize(),
                first.generations(),
                first.seed(),
                first.objective() + " (at least " + first.minTrades() + " trades)",
                rows,
                stitched,
                strategy / stitched.size(),
                hold / stitched.size(),
                flagged,
                paths);
        return new Result(file, curves, windows);
    }

    static ReportPaths paths(EfsLayout efs, String runId) {
        Path dir = efs.root().relativize(efs.runDir(runId));
        return new ReportPaths(
                slash(dir.resolve(ReportService.HTML)),
                slash(dir.resolve(ReportService.JSON)),
                slash(dir.resolve(ValidationService.FILE)));
    }

    private static String slash(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    /** One symbol's chained test windows. */
    private static final class Stitch {
        private final String symbol;
        private final List<double[]> points = new ArrayList<>(); // time, strategy, hold
        private final List<Double> strategyReturns = new ArrayList<>();
        private final List<Double> holdReturns = new ArrayList<>();
        private double strategyCarry = 1;
        private double holdCarry = 1;
        private double spanMillis;
        private int ahead;

        Stitch(String symbol) {
            this.symbol = symbol;
        }

        void append(long[] time, double[] equity, double capital, double[] close, boolean aheadOfHold) {
            for (int t = 0; t < equity.length; t++) {
                points.add(
                        new double[] {time[t], strategyCarry * equity[t] / capital, holdCarry * close[t] / close[0]});
                if (t > 0) {
                    strategyReturns.add(equity[t] / equity[t - 1] - 1);
                    holdReturns.add(close[t] / close[t - 1] - 1);
                }
            }
            spanMillis += time[time.length - 1] - time[0];
            strategyCarry *= equity[equity.length - 1] / capital;
            holdCarry *= close[close.length - 1] / close[0];
            ahead += aheadOfHold ? 1 : 0;
        }

        StitchedSymbol summary() {
            double peak = 1;
            double drawdown = 0;
            for (double[] p : points) {
                peak = Math.max(peak, p[1]);
                drawdown = Math.max(drawdown, 1 - p[1] / peak);
            }
            return new StitchedSymbol(
                    symbol,
                    points.size(),
                    strategyCarry - 1,
                    holdCarry - 1,
                    sharpe(strategyReturns),
                    sharpe(holdReturns),
                    drawdown,
                    ahead);
        }

        Curve curve() {
            int n = points.size();
            double[] time = new double[n];
            double[] strategy = new double[n];
            double[] hold = new double[n];
            for (int i = 0; i < n; i++) {
                time[i] = points.get(i)[0];
                strategy[i] = points.get(i)[1];
                hold[i] = points.get(i)[2];
            }
            return new Curve(symbol, time, strategy, hold);
        }

        /** mean / sample sd × sqrt(returns per year over the windows' span); null when undefined. */
        private Double sharpe(List<Double> returns) {
            int n = returns.size();
            if (n < 2 || spanMillis <= 0) {
                return null;
            }
            double mean = 0;
            for (double r : returns) {
                mean += r;
            }
            mean /= n;
            double ss = 0;
            for (double r : returns) {
                ss += (r - mean) * (r - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            return sd > 0 ? mean / sd * Math.sqrt(n / (spanMillis / YEAR_MILLIS)) : null;
        }
    }
}
