package dev.phylo.functions.report;

import dev.phylo.efs.DataSlice;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.evolve.Objective;
import java.util.List;

/** The report's three charts, as inline SVG. */
final class ReportCharts {

    static final int WIDTH = 1120;
    static final int HEIGHT = 340;

    private ReportCharts() {}

    /**
     * Best and median in-sample fitness per generation. A fitness below {@link Objective#UNDEFINED}/2 means the
     * measure was undefined (a strategy with no trade): it is left out of the line, which would otherwise squash
     * every other value onto one pixel row.
     */
    static String fitness(List<GenerationPoint> generations) {
        int n = generations.size();
        double[] x = new double[n];
        double[] best = new double[n];
        double[] median = new double[n];
        for (int i = 0; i < n; i++) {
            GenerationPoint g = generations.get(i);
            x[i] = g.generation();
            best[i] = defined(g.bestFitness());
            median[i] = defined(g.medianFitness());
        }
        return new LineChart(
                        "fitness",
                        WIDTH,
                        HEIGHT,
                        LineChart.XAxis.INTEGER,
                        "generation",
                        "in-sample fitness",
                        LineChart.NUMBER)
                .line("best", "best", x, best, true)
                .line("median", "median", x, median, true)
                .svg("Best and median in-sample fitness per generation");
    }

    /** Equity of the strategy over both ranges against buy-and-hold (close / first close × capital). */
    static String equity(BarSeries bars, double[] equity, double capital, DataSlice slice, String strategy) {
        double[] x = times(bars);
        double[] close = bars.close();
        double[] hold = new double[close.length];
        for (int t = 0; t < close.length; t++) {
            hold[t] = close[t] / close[0] * capital;
        }
        return shaded(
                        new LineChart(
                                "equity",
                                WIDTH,
                                HEIGHT,
                                LineChart.XAxis.TIME,
                                "time (UTC)",
                                "equity",
                                LineChart.NUMBER),
                        slice)
                .line("buy and hold " + bars.symbol(), "hold", x, hold, false)
                .line(strategy, "strategy", x, equity, false)
                .svg("Equity of the best strategy and of buy-and-hold on " + bars.symbol());
    }

    /** Drawdown 1 − E_t / max(capital, E_0..E_t), drawn below zero. */
    static String drawdown(BarSeries bars, double[] equity, double capital, DataSlice slice) {
        double[] x = times(bars);
        double[] dd = new double[equity.length];
        double peak = capital;
        for (int t = 0; t < equity.length; t++) {
            peak = Math.max(peak, equity[t]);
            dd[t] = -(1 - equity[t] / peak);
        }
        return shaded(
                        new LineChart(
                                "drawdown",
                                WIDTH,
                                260,
                                LineChart.XAxis.TIME,
                                "time (UTC)",
                                "drawdown",
                                LineChart.PERCENT),
                        slice)
                .area("drawdown from the running peak", "drawdown", x, dd)
                .svg("Drawdown of the best strategy on " + bars.symbol());
    }

    /** A walk-forward run's stitched out-of-sample equity against buy-and-hold, each fold's test window shaded. */
    static String stitched(WalkForwardReport.Curve curve, List<long[]> testWindows) {
        LineChart chart = new LineChart(
                "stitched-" + curve.symbol(),
                WIDTH,
                HEIGHT,
                LineChart.XAxis.TIME,
                "time (UTC)",
                "equity (1 = initial capital)",
                LineChart.NUMBER);
        for (int i = 0; i < testWindows.size(); i++) {
            long[] w = testWindows.get(i);
            chart.band(w[0], w[1], i % 2 == 0 ? "out-of-sample" : "in-sample", "fold " + (i + 1));
        }
        return chart.line("buy and hold " + curve.symbol(), "hold", curve.time(), curve.hold(), false)
                .line("fold winners, out of sample", "strategy", curve.time(), curve.strategy(), false)
                .svg("Stitched out-of-sample equity of the fold winners and of buy-and-hold on " + curve.symbol());
    }

    private static LineChart shaded(LineChart chart, DataSlice slice) {
        return chart.band(slice.inSampleFrom(), slice.inSampleTo(), "in-sample", "in-sample")
                .band(slice.outOfSampleFrom(), slice.outOfSampleTo(), "out-of-sample", "out-of-sample");
    }

    private static double[] times(BarSeries bars) {
        double[] x = new double[bars.size()];
        for (int t = 0; t < x.length; t++) {
            x[t] = bars.time()[t];
        }
        return x;
    }

    private static double defined(double fitness) {
        return fitness < Objective.UNDEFINED / 2 ? Double.NaN : fitness;
    }
}
