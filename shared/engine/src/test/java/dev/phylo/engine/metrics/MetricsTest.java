package dev.phylo.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.phylo.engine.TestSeries;
import dev.phylo.engine.backtest.BacktestResult;
import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.backtest.Trade;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.strategy.ExampleStrategies;
import dev.phylo.engine.strategy.StrategySpecs;
import org.junit.jupiter.api.Test;

/**
 * Metrics recomputed here directly from their written definitions, from the equity curve and trade list, agree with
 * the engine's single-pass accumulator.
 */
class MetricsTest {
    private static final double YEAR_MS = 365.25 * 86_400_000;

    @Test
    void everyMetricMatchesItsDefinition() {
        BarSeries s = TestSeries.randomWalk(4_000, 21);
        BacktestResult r =
                Backtester.run(s, ExampleStrategies.get("bollinger-breakout"), ExecutionConfig.DEFAULT.withCosts(3, 1));
        Metrics m = r.metrics();
        double[] e = r.equity();
        int n = e.length;
        double capital = 10_000;
        double years = (s.time()[n - 1] - s.time()[0]) / YEAR_MS;

        double mean = 0;
        for (int t = 1; t < n; t++) {
            mean += e[t] / e[t - 1] - 1;
        }
        mean /= n - 1;
        double ss = 0;
        double down = 0;
        for (int t = 1; t < n; t++) {
            double x = e[t] / e[t - 1] - 1;
            ss += (x - mean) * (x - mean);
            down += Math.min(x, 0) * Math.min(x, 0);
        }
        double sd = Math.sqrt(ss / (n - 2));
        double barsPerYear = (n - 1) / years;
        double peak = capital;
        double mdd = 0;
        int exposed = 0;
        for (double v : e) {
            peak = Math.max(peak, v);
            mdd = Math.max(mdd, 1 - v / peak);
        }
        double wins = 0;
        double gp = 0;
        double gl = 0;
        double sumRet = 0;
        for (Trade t : r.trades()) {
            wins += t.pnl() > 0 ? 1 : 0;
            gp += Math.max(t.pnl(), 0);
            gl += Math.max(-t.pnl(), 0);
            sumRet += t.returnPct();
            exposed += t.exitBar() - t.entryBar() + (t.exitReason().name().equals("END_OF_DATA") ? 1 : 0);
        }
        double cagr = Math.pow(e[n - 1] / capital, 1 / years) - 1;

        assertThat(m.totalReturn()).isCloseTo(e[n - 1] / capital - 1, within(1e-12));
        assertThat(m.sharpe()).isCloseTo(mean / sd * Math.sqrt(barsPerYear), within(1e-9));
        assertThat(m.sortino()).isCloseTo(mean / Math.sqrt(down / (n - 1)) * Math.sqrt(barsPerYear), within(1e-9));
        assertThat(m.maxDrawdown()).isCloseTo(mdd, within(1e-12));
        assertThat(m.cagr()).isCloseTo(cagr, within(1e-12));
        assertThat(m.calmar()).isCloseTo(cagr / mdd, within(1e-9));
        assertThat(m.tradeCount()).isEqualTo(r.trades().size()).isGreaterThan(20);
        assertThat(m.winRate()).isCloseTo(wins / r.trades().size(), within(1e-12));
        assertThat(m.profitFactor()).isCloseTo(gp / gl, within(1e-9));
        assertThat(m.avgTrade()).isCloseTo(sumRet / r.trades().size(), within(1e-12));
        // positions held at a bar's close: entry bar through the bar before the exit fill (next-open exits)
        assertThat(m.exposure()).isCloseTo((double) exposed / n, within(1e-12));
    }

    @Test
    void undefinedRatiosAreNullNotZero() {
        BarSeries s = TestSeries.closes(100, 101, 102, 103);
        Metrics m = Backtester.run(s, StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "close > 1000"}}"""), ExecutionConfig.DEFAULT)
                .metrics();
        assertThat(m.tradeCount()).isZero();
        assertThat(m.sharpe()).isNull();
        assertThat(m.sortino()).isNull();
        assertThat(m.winRate()).isNull();
        assertThat(m.profitFactor()).isNull();
        assertThat(m.calmar()).isNull();
        assertThat(m.totalReturn()).isZero();
    }
}
