package dev.phylo.evolution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenchmarkComparisonTest {

    private static final double[] MARKET = {0.01, -0.02, 0.015, 0.005, -0.01, 0.02};

    @Test
    void twiceTheMarketIsAllBeta() {
        double[] levered = new double[MARKET.length];
        for (int t = 0; t < MARKET.length; t++) {
            levered[t] = 2 * MARKET[t];
        }

        BenchmarkComparison c = BenchmarkComparison.of(levered, MARKET, 252);

        assertThat(c.beta()).isCloseTo(2.0, within(1e-12));
        assertThat(c.alpha()).isCloseTo(0.0, within(1e-12));
        assertThat(c.mostlyBeta()).isTrue();
    }

    @Test
    void aConstantReturnPlusHalfTheMarketHasThatAlphaAndBeta() {
        double[] r = new double[MARKET.length];
        for (int t = 0; t < MARKET.length; t++) {
            r[t] = 0.002 + 0.5 * MARKET[t];
        }

        BenchmarkComparison c = BenchmarkComparison.of(r, MARKET, 252);

        assertThat(c.beta()).isCloseTo(0.5, within(1e-12));
        assertThat(c.alpha()).isCloseTo(0.002 * 252, within(1e-12));
        // mean market return 0.02 / 6: beta x mean = 0.001667, mean r = 0.003667: under half of it is the market's
        assertThat(c.mostlyBeta()).isFalse();
    }

    @Test
    void returnsAndExcessAreCompoundedAndTheInformationRatioIsByHand() {
        double[] r = {0.02, 0.0, 0.01};
        double[] b = {0.01, 0.01, 0.0};

        BenchmarkComparison c = BenchmarkComparison.of(r, b, 4);

        assertThat(c.strategyReturn()).isCloseTo(1.02 * 1.0 * 1.01 - 1, within(1e-15));
        assertThat(c.benchmarkReturn()).isCloseTo(1.01 * 1.01 * 1.0 - 1, within(1e-15));
        assertThat(c.excessReturn()).isCloseTo(1.02 * 1.01 - 1.01 * 1.01, within(1e-15));
        // r - b = 0.01, -0.01, 0.01: mean 1/300, sample sd sqrt(((2/300)^2 * 2 + (4/300)^2) / 2) = sqrt(12)/300
        assertThat(c.excessSharpe()).isCloseTo(1 / Math.sqrt(12) * 2, within(1e-12));
    }

    @Test
    void aFlatMarketHasNoBeta() {
        BenchmarkComparison c = BenchmarkComparison.of(new double[] {0.01, -0.01}, new double[2], 252);

        assertThat(c.beta()).isNull();
        assertThat(c.alpha()).isNull();
        assertThat(c.mostlyBeta()).isFalse();
    }

    @Test
    void buyAndHoldIsCloseToClose() {
        double[] r = BenchmarkComparison.buyAndHold(new double[] {100, 110, 99});
        assertThat(r).hasSize(2);
        assertThat(r[0]).isCloseTo(0.1, within(1e-12));
        assertThat(r[1]).isCloseTo(-0.1, within(1e-12));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> BenchmarkComparison.of(new double[2], new double[3], 252))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> BenchmarkComparison.of(new double[] {0, Double.NaN}, new double[2], 252))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("return 1 is not finite");
    }
}
