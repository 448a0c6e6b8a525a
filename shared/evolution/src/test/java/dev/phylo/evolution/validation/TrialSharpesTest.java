package dev.phylo.evolution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialSharpesTest {

    @Test
    void varianceIsTheSampleVarianceOfTheDefinedSharpeRatios() {
        Scipy.assumeAvailable();
        double[] sharpes = {0.021, -0.013, 0.004, 0.035, -0.002, 0.017};
        List<Double> reference = Scipy.run(Scipy.withInput("out(np.var(np.array(xs), ddof=1))\n"), sharpes);

        TrialSharpes trials = TrialSharpes.of(40, sharpes);

        assertThat(trials.trials()).isEqualTo(40);
        assertThat(trials.defined()).isEqualTo(6);
        assertThat(trials.variance()).isCloseTo(reference.get(0), within(1e-17));
    }

    @Test
    void fewerThanTwoDefinedSharpeRatiosHaveNoSpread() {
        assertThat(TrialSharpes.of(3, new double[] {0.1}).variance()).isZero();
        assertThat(TrialSharpes.of(3, new double[0]).defined()).isZero();
    }

    @Test
    void barsPerYearCountsReturnsOverTheSpan() {
        long year = (long) (365.25 * 24 * 3600 * 1000);
        // 8767 hourly bars span 8766 hours = one 365.25-day year, with 8766 returns
        assertThat(TrialSharpes.barsPerYear(8_767, 0, year)).isCloseTo(8_766, within(1e-9));
        assertThat(TrialSharpes.perBar(2.0, 4.0)).isEqualTo(1.0);
        assertThatThrownBy(() -> TrialSharpes.barsPerYear(1, 0, 10)).hasMessageContaining(">= 2 bars");
    }

    @Test
    void rejectsNonFiniteSharpeRatios() {
        assertThatThrownBy(() -> TrialSharpes.of(3, new double[] {0.1, Double.NaN}))
                .hasMessageContaining("Sharpe ratio 1 of 2 is not finite");
    }
}
