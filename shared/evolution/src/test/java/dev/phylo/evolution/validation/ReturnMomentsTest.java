package dev.phylo.evolution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.phylo.engine.backtest.BacktestResult;
import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.engine.strategy.ExampleStrategies;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReturnMomentsTest {

    /** Skewed, fat-tailed returns: a mixture with occasional large losses. */
    static double[] skewedReturns(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            double g = gaussian(random);
            r[t] = random.nextDouble() < 0.03 ? -0.04 + 0.02 * g : 0.002 + 0.008 * g;
        }
        return r;
    }

    static double gaussian(SplittableRandom random) {
        return Normals.quantile(random.nextDouble(1e-12, 1 - 1e-12));
    }

    @Test
    void matchesScipyMoments() {
        Scipy.assumeAvailable();
        double[] r = skewedReturns(2_500, 3);
        List<Double> reference = Scipy.run(Scipy.withInput("""
                a = np.array(xs)
                out(a.mean()); out(a.std(ddof=1)); out(stats.skew(a)); out(stats.kurtosis(a, fisher=False))
                """), r);

        ReturnMoments m = ReturnMoments.of(r);

        assertThat(m.count()).isEqualTo(2_500);
        assertThat(m.mean()).isCloseTo(reference.get(0), within(1e-15));
        assertThat(m.sd()).isCloseTo(reference.get(1), within(1e-14));
        assertThat(m.skewness()).isCloseTo(reference.get(2), within(1e-11));
        assertThat(m.kurtosis()).isCloseTo(reference.get(3), within(1e-10));
        // the fixture is what it claims: negatively skewed and fat-tailed
        assertThat(m.skewness()).isLessThan(-1);
        assertThat(m.kurtosis()).isGreaterThan(5);
        assertThat(m.sharpe()).isEqualTo(m.mean() / m.sd());
    }

    @Test
    void perBarSharpeOfAnEquityCurveIsTheEnginesSharpeDeannualised() {
        BarSeries series = SyntheticMarket.generate(SyntheticConfig.defaults("SYN", BarInterval.ONE_HOUR, 3_000, 11));
        int checked = 0;
        for (String name : ExampleStrategies.names()) {
            BacktestResult result = Backtester.run(series, ExampleStrategies.get(name), ExecutionConfig.DEFAULT, true);
            if (result.metrics().sharpe() == null) {
                continue;
            }
            ReturnMoments m = ReturnMoments.ofEquity(result.equity());
            double barsPerYear =
                    TrialSharpes.barsPerYear(series.size(), series.time()[0], series.time()[series.size() - 1]);

            assertThat(m.count()).isEqualTo(series.size() - 1);
            assertThat(m.sharpe())
                    .as(name)
                    .isCloseTo(
                            TrialSharpes.perBar(result.metrics().sharpe(), barsPerYear),
                            within(1e-9 * Math.abs(m.sharpe()) + 1e-12));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    @Test
    void returnsOfAnEquityCurveAreItsBarToBarChanges() {
        double[] r = ReturnMoments.returns(new double[] {100, 110, 99, 99});

        assertThat(r).hasSize(3);
        assertThat(r[0]).isCloseTo(0.1, within(1e-15));
        assertThat(r[1]).isCloseTo(-0.1, within(1e-15));
        assertThat(r[2]).isZero();
    }

    @Test
    void constantReturnsHaveNoSharpeRatio() {
        ReturnMoments m = ReturnMoments.of(new double[] {0.01, 0.01, 0.01});

        assertThat(m.defined()).isFalse();
        assertThat(m.sd()).isZero();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.skewness()).isNaN();
    }

    @Test
    void rejectsTooFewOrNonFiniteReturnsAndWipedOutEquity() {
        assertThatThrownBy(() -> ReturnMoments.of(new double[] {0.1})).hasMessageContaining("at least 2 returns");
        assertThatThrownBy(() -> ReturnMoments.of(new double[] {0.1, Double.NaN, 0.2}))
                .hasMessageContaining("return 1 of 3 is not finite");
        assertThatThrownBy(() -> ReturnMoments.ofEquity(new double[] {100, 0, 5, 6}))
                .hasMessageContaining("equity 1 of 4 must be positive");
    }
}
