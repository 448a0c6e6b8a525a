package dev.phylo.evolution.validation;

/**
 * The first four moments of a strategy's per-bar simple returns, what the probabilistic and deflated Sharpe ratios
 * need.
 *
 * <p>With r_1..r_T the returns: {@code mean} = Σr/T; {@code sd} the sample standard deviation (divisor T − 1, as in
 * {@code Metrics.sharpe}); {@code skewness} γ3 = m3 / m2^(3/2) and {@code kurtosis} γ4 = m4 / m2² (raw, not excess:
 * 3 for a normal distribution), with m_k = Σ(r − mean)^k / T the central moments of the sample (the defaults of
 * {@code scipy.stats.skew} and {@code scipy.stats.kurtosis(fisher=False)}). Central moments are summed in a second
 * pass, not from raw power sums, so nothing cancels.
 *
 * @param count    T, the number of returns, at least 2
 * @param skewness NaN when every return is the same
 * @param kurtosis NaN when every return is the same
 */
public record ReturnMoments(int count, double mean, double sd, double skewness, double kurtosis) {

    public ReturnMoments {
        if (count < 2) {
            throw new IllegalArgumentException("moments need at least 2 returns: " + count);
        }
    }

    /**
     * The moments of {@code returns}.
     *
     * @throws IllegalArgumentException when there are fewer than 2 returns or one is not finite (its index is named)
     */
    public static ReturnMoments of(double[] returns) {
        int n = returns.length;
        if (n < 2) {
            throw new IllegalArgumentException("moments need at least 2 returns: " + n);
        }
        double sum = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isFinite(returns[t])) {
                throw new IllegalArgumentException("return %d of %d is not finite: %s".formatted(t, n, returns[t]));
            }
            sum += returns[t];
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double r : returns) {
            double d = r - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        double sd = Math.sqrt(m2 / (n - 1));
        if (m2 == 0) {
            return new ReturnMoments(n, mean, 0.0, Double.NaN, Double.NaN);
        }
        double var = m2 / n;
        return new ReturnMoments(n, mean, sd, (m3 / n) / (var * Math.sqrt(var)), (m4 / n) / (var * var));
    }

    /**
     * The moments of the returns of an equity curve: r_t = E_t / E_{t−1} − 1 for t = 1..n−1, the same returns
     * {@code Metrics.sharpe} is computed from (so T = bars − 1).
     *
     * @throws IllegalArgumentException when the curve has fewer than 3 points or a value that is not positive
     */
    public static ReturnMoments ofEquity(double[] equity) {
        return of(returns(equity));
    }

    /** The per-bar simple returns of an equity curve (n − 1 of them). */
    public static double[] returns(double[] equity) {
        if (equity.length < 2) {
            throw new IllegalArgumentException("an equity curve needs at least 2 points: " + equity.length);
        }
        double[] r = new double[equity.length - 1];
        for (int t = 1; t < equity.length; t++) {
            if (!(equity[t - 1] > 0) || !Double.isFinite(equity[t - 1])) {
                throw new IllegalArgumentException("equity %d of %d must be positive and finite to give a return: %s"
                        .formatted(t - 1, equity.length, equity[t - 1]));
            }
            r[t - 1] = equity[t] / equity[t - 1] - 1.0;
        }
        return r;
    }

    /** Whether the returns vary, so that the Sharpe ratio, skewness and kurtosis are defined. */
    public boolean defined() {
        return sd > 0;
    }

    /** The per-bar (not annualised) Sharpe ratio mean / sd; NaN when every return is the same. */
    public double sharpe() {
        return sd > 0 ? mean / sd : Double.NaN;
    }
}
