package dev.phylo.evolution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

    // The numerical example of Bailey and López de Prado (2014): an annualised Sharpe ratio of 2.5 over five years of
    // daily returns (T = 1250, 250 a year), skewness -3, kurtosis 10, found after N = 100 independent trials whose
    // annualised Sharpe ratios have variance 1/2. The paper prints SR0 ≈ 0.1132 (per day) and DSR ≈ 0.9004; with
    // N = 46 trials DSR would have been 0.9505, and with normal returns (γ3 = 0, γ4 = 3) DSR = 0.9505 after N = 88.
    private static final double PAPER_SHARPE = 2.5 / Math.sqrt(250);
    private static final double PAPER_VARIANCE = 0.5 / 250;

    @Test
    void reproducesThePapersNumericalExample() {
        double sr0 = DeflatedSharpe.expectedMaximum(100, PAPER_VARIANCE);

        assertThat(round4(sr0)).isEqualTo(0.1132);
        assertThat(round4(DeflatedSharpe.probabilistic(PAPER_SHARPE, sr0, 1250, -3, 10)))
                .isEqualTo(0.9004);
        assertThat(round4(DeflatedSharpe.probabilistic(
                        PAPER_SHARPE, DeflatedSharpe.expectedMaximum(46, PAPER_VARIANCE), 1250, -3, 10)))
                .isEqualTo(0.9505);
        assertThat(round4(DeflatedSharpe.probabilistic(
                        PAPER_SHARPE, DeflatedSharpe.expectedMaximum(88, PAPER_VARIANCE), 1250, 0, 3)))
                .isEqualTo(0.9505);
    }

    @Test
    void psrAndDsrMatchScipy() {
        Scipy.assumeAvailable();
        // (SR, SR*, T, skewness, kurtosis) and (N, V) per case
        double[][] cases = {
            {0.1, 0.0, 1250, -3, 10, 100, 0.002},
            {0.05, 0.02, 500, 0.5, 4, 10, 0.0004},
            {-0.03, 0.0, 2000, -0.2, 3.5, 2, 0.01},
            {0.2, 0.05, 60, 1.5, 9, 5000, 0.0009},
            {0.0158, 0.001, 40_000, -0.8, 25, 1_000_000, 1e-6},
        };
        double[] flat = new double[cases.length * 7];
        for (int i = 0; i < cases.length; i++) {
            System.arraycopy(cases[i], 0, flat, 7 * i, 7);
        }
        List<Double> reference = Scipy.run(Scipy.withInput("""
                g = 0.5772156649015329
                for i in range(0, len(xs), 7):
                    sr, b, T, s, k, N, V = xs[i:i + 7]
                    psr = norm.cdf((sr - b) * math.sqrt(T - 1) / math.sqrt(1 - s * sr + (k - 1) / 4 * sr * sr))
                    sr0 = math.sqrt(V) * ((1 - g) * norm.ppf(1 - 1 / N) + g * norm.ppf(1 - 1 / (N * math.e)))
                    dsr = norm.cdf((sr - sr0) * math.sqrt(T - 1) / math.sqrt(1 - s * sr + (k - 1) / 4 * sr * sr))
                    out(psr); out(sr0); out(dsr)
                """), flat);

        for (int i = 0; i < cases.length; i++) {
            double[] c = cases[i];
            double psr = DeflatedSharpe.probabilistic(c[0], c[1], (int) c[2], c[3], c[4]);
            double sr0 = DeflatedSharpe.expectedMaximum((long) c[5], c[6]);
            double dsr = DeflatedSharpe.probabilistic(c[0], sr0, (int) c[2], c[3], c[4]);
            assertThat(psr).as("PSR case %d", i).isCloseTo(reference.get(3 * i), within(1e-12));
            assertThat(sr0).as("SR0 case %d", i).isCloseTo(reference.get(3 * i + 1), within(1e-13));
            assertThat(dsr).as("DSR case %d", i).isCloseTo(reference.get(3 * i + 2), within(1e-12));
        }
    }

    @Test
    void dsrOfReturnsMatchesScipyFromTheRawReturns() {
        Scipy.assumeAvailable();
        double[] r = ReturnMomentsTest.skewedReturns(1_500, 19);
        long trials = 250;
        double variance = 0.0007;
        double[] input = new double[r.length + 2];
        input[0] = trials;
        input[1] = variance;
        System.arraycopy(r, 0, input, 2, r.length);
        List<Double> reference = Scipy.run(Scipy.withInput("""
                g = 0.5772156649015329
                N, V, a = xs[0], xs[1], np.array(xs[2:])
                sr = a.mean() / a.std(ddof=1)
                s, k = stats.skew(a), stats.kurtosis(a, fisher=False)
                sr0 = math.sqrt(V) * ((1 - g) * norm.ppf(1 - 1 / N) + g * norm.ppf(1 - 1 / (N * math.e)))
                out(sr); out(sr0)
                out(norm.cdf((sr - sr0) * math.sqrt(len(a) - 1) / math.sqrt(1 - s * sr + (k - 1) / 4 * sr * sr)))
                """), input);

        DeflatedSharpe dsr = DeflatedSharpe.of(ReturnMoments.of(r), trials, variance);

        assertThat(dsr.sharpe()).isCloseTo(reference.get(0), within(1e-13));
        assertThat(dsr.benchmark()).isCloseTo(reference.get(1), within(1e-13));
        assertThat(dsr.probability()).isCloseTo(reference.get(2), within(1e-10));
        assertThat(dsr.observations()).isEqualTo(1_500);
        assertThat(dsr.trials()).isEqualTo(trials);
        // the case is informative: neither 0 nor 1
        assertThat(dsr.probability()).isBetween(0.01, 0.99);
    }

    @Test
    void moreTrialsRaiseTheBarAndOneTrialSetsNone() {
        assertThat(DeflatedSharpe.expectedMaximum(1, 0.01)).isZero();
        assertThat(DeflatedSharpe.expectedMaximum(10, 0.0)).isZero();
        double previous = 0;
        for (long n : new long[] {2, 10, 100, 1_000, 1_000_000}) {
            double sr0 = DeflatedSharpe.expectedMaximum(n, 0.01);
            assertThat(sr0).isGreaterThan(previous);
            previous = sr0;
        }
        assertThat(DeflatedSharpe.probabilistic(0.1, 0.1, 100, -1, 6)).isEqualTo(0.5);
    }

    @Test
    void rejectsUndefinedInputs() {
        assertThatThrownBy(() -> DeflatedSharpe.expectedMaximum(0, 0.1)).hasMessageContaining("trials must be >= 1");
        assertThatThrownBy(() -> DeflatedSharpe.expectedMaximum(5, -1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> DeflatedSharpe.probabilistic(0.1, 0, 1, 0, 3)).hasMessageContaining("2 observations");
        assertThatThrownBy(() -> DeflatedSharpe.probabilistic(Double.NaN, 0, 10, 0, 3))
                .hasMessageContaining("finite");
        // a two-point distribution at the one Sharpe ratio where the estimate's variance vanishes: γ4 = 1 + γ3², SR =
        // 2/γ3
        assertThatThrownBy(() -> DeflatedSharpe.probabilistic(2, 0, 10, 1, 2)).hasMessageContaining("<= 0");
        assertThatThrownBy(() -> DeflatedSharpe.of(ReturnMoments.of(new double[] {0, 0, 0}), 10, 0.1))
                .hasMessageContaining("undefined");
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
