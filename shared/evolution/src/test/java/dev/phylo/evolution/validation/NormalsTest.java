package dev.phylo.evolution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NormalsTest {

    /** Across the whole range, both tails and both sides of the switch between the series and the fraction at 3. */
    private static final double[] XS = {
        -38.4,
        -37.5,
        -30,
        -20,
        -12,
        -8.5,
        -6,
        -5,
        -4,
        -3.5,
        -3.0000001,
        -3,
        -2.9999999,
        -2.5,
        -2,
        -1.5,
        -1,
        -0.5,
        -1e-8,
        0,
        1e-8,
        0.3,
        1,
        1.96,
        2.9999999,
        3,
        3.0000001,
        4,
        5,
        6,
        8,
        8.3,
        9,
        12
    };

    private static final double[] PS = {
        1e-300,
        1e-100,
        1e-20,
        1e-10,
        1e-5,
        0.001,
        0.02,
        0.024249,
        0.02425,
        0.025,
        0.1,
        0.3,
        0.49,
        0.5,
        0.51,
        0.7,
        0.9,
        0.975,
        0.97575,
        0.99,
        0.999,
        1 - 1e-5,
        1 - 1e-10,
        1 - 1.0 / 100,
        1 - 1.0 / (100 * Math.E),
        1 - 1.0 / 1e6,
        1 - 1.0 / (1e6 * Math.E)
    };

    @Test
    void cdfMatchesScipyToTwelveDigits() {
        Scipy.assumeAvailable();
        List<Double> reference = Scipy.run(Scipy.withInput("for x in xs:\n    out(norm.cdf(x))\n"), XS);

        for (int i = 0; i < XS.length; i++) {
            double expected = reference.get(i);
            assertThat(Normals.cdf(XS[i])).as("Φ(%s)", XS[i]).isCloseTo(expected, within(1e-12 * expected + 1e-16));
        }
    }

    @Test
    void lowerTailKeepsItsRelativePrecision() {
        Scipy.assumeAvailable();
        double[] xs = {-40, -38, -30, -25, -15, -10, -7, -4.5, -3.2};
        List<Double> reference = Scipy.run(Scipy.withInput("for x in xs:\n    out(norm.cdf(x))\n"), xs);

        for (int i = 0; i < xs.length; i++) {
            double expected = reference.get(i);
            double tolerance = expected < 1e-300 ? 1e-303 : 1e-12 * expected; // subnormal results carry fewer digits
            assertThat(Normals.cdf(xs[i])).as("Φ(%s)", xs[i]).isCloseTo(expected, within(tolerance));
        }
    }

    @Test
    void quantileMatchesScipyToTwelveDigits() {
        Scipy.assumeAvailable();
        List<Double> reference = Scipy.run(Scipy.withInput("for p in xs:\n    out(norm.ppf(p))\n"), PS);

        for (int i = 0; i < PS.length; i++) {
            double expected = reference.get(i);
            assertThat(Normals.quantile(PS[i]))
                    .as("Φ⁻¹(%s)", PS[i])
                    .isCloseTo(expected, within(1e-12 * Math.abs(expected) + 1e-15));
        }
    }

    @Test
    void quantileInvertsTheCdf() {
        SplittableRandom random = new SplittableRandom(7);
        // above 5, Φ(x) rounds to a double within 1.1e-16 of 1, which pins x down only to 1e-16 / φ(x)
        for (int i = 0; i < 10_000; i++) {
            double x = random.nextDouble(-8, 5);
            assertThat(Normals.quantile(Normals.cdf(x))).as("x = %s", x).isCloseTo(x, within(1e-9));
        }
    }

    @Test
    void knownValuesAndLimits() {
        assertThat(Normals.cdf(0)).isEqualTo(0.5);
        assertThat(Normals.quantile(0.5)).isEqualTo(0.0);
        assertThat(Normals.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Normals.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Normals.cdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Normals.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Normals.cdf(Double.NaN)).isNaN();
        // the two-sided 5 % critical value of every statistics table
        assertThat(Normals.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-15));
    }

    @Test
    void rejectsProbabilitiesOutsideTheUnitInterval() {
        for (double p : new double[] {-0.1, 1.1, Double.NaN}) {
            assertThatThrownBy(() -> Normals.quantile(p))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[0, 1]");
        }
    }
}
