package dev.phylo.evolution.validation;

/**
 * The deflated Sharpe ratio of Bailey and López de Prado (2014, "The Deflated Sharpe Ratio: Correcting for
 * Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio Management 40(5)): the probability
 * that a strategy's true Sharpe ratio exceeds the best one expected from luck alone among the trials it was picked
 * from. All Sharpe ratios here are per bar, not annualised.
 * <pre>
 *   PSR(SR*) = Φ( (SR − SR*)·√(T − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²) )
 *   SR0      = √V[SR_n] · ( (1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)) )     γ = 0.5772156649… (Euler–Mascheroni)
 *   DSR      = PSR(SR0)
 * </pre>
 * with T the number of returns, γ3 their skewness, γ4 their raw kurtosis, N the number of independent trials and
 * V[SR_n] the variance of the trials' Sharpe ratios. SR0 is 0 for a single trial: nothing was selected.
 *
 * @param sharpe        SR, the strategy's per-bar Sharpe ratio
 * @param benchmark     SR0, the expected maximum per-bar Sharpe ratio of {@code trials} unskilled trials
 * @param observations  T
 * @param trials        N
 * @param trialVariance V[SR_n]
 * @param probability   DSR, in [0, 1]
 */
public record DeflatedSharpe(
        double sharpe, double benchmark, int observations, long trials, double trialVariance, double probability) {

    /** γ, the Euler–Mascheroni constant. */
    public static final double EULER_MASCHERONI = 0.5772156649015329;

    public DeflatedSharpe {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
    }

    /**
     * The DSR of a strategy with these return moments, selected from {@code trials} trials whose per-bar Sharpe
     * ratios have variance {@code trialVariance}.
     *
     * @throws IllegalArgumentException when the returns do not vary (no Sharpe ratio), or for a bad N or V
     */
    public static DeflatedSharpe of(ReturnMoments moments, long trials, double trialVariance) {
        if (!moments.defined()) {
            throw new IllegalArgumentException("the returns do not vary: the Sharpe ratio is undefined");
        }
        double sr0 = expectedMaximum(trials, trialVariance);
        double dsr = probabilistic(moments.sharpe(), sr0, moments.count(), moments.skewness(), moments.kurtosis());
        return new DeflatedSharpe(moments.sharpe(), sr0, moments.count(), trials, trialVariance, dsr);
    }

    /**
     * SR0: the expected maximum of {@code trials} per-bar Sharpe ratios drawn with mean 0 and variance
     * {@code variance} (the false-strategy theorem); 0 for one trial.
     */
    public static double expectedMaximum(long trials, double variance) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1: " + trials);
        }
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException(
                    "the variance of the trials' Sharpe ratios must be finite and >= 0: " + variance);
        }
        if (trials == 1) {
            return 0.0;
        }
        double n = trials;
        double z = (1 - EULER_MASCHERONI) * Normals.quantile(1 - 1 / n)
                + EULER_MASCHERONI * Normals.quantile(1 - 1 / (n * Math.E));
        return Math.sqrt(variance) * z;
    }

    /**
     * PSR(SR*): the probability that the true per-bar Sharpe ratio exceeds {@code benchmark}, given the observed
     * {@code sharpe} over {@code observations} returns with this skewness and raw kurtosis.
     *
     * @throws IllegalArgumentException for fewer than 2 observations, non-finite inputs, or moments for which the
     *                                  variance of the estimate is not positive (γ4 &lt; 1 + γ3² is impossible for
     *                                  real data)
     */
    public static double probabilistic(
            double sharpe, double benchmark, int observations, double skewness, double kurtosis) {
        if (observations < 2) {
            throw new IllegalArgumentException("PSR needs at least 2 observations: " + observations);
        }
        if (!Double.isFinite(sharpe)
                || !Double.isFinite(benchmark)
                || !Double.isFinite(skewness)
                || !Double.isFinite(kurtosis)) {
            throw new IllegalArgumentException("PSR needs finite inputs: SR=%s, SR*=%s, skewness=%s, kurtosis=%s"
                    .formatted(sharpe, benchmark, skewness, kurtosis));
        }
        double radicand = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(radicand > 0)) {
            throw new IllegalArgumentException(
                    "PSR is undefined: 1 - γ3·SR + (γ4-1)/4·SR² = %s <= 0 (SR=%s, γ3=%s, γ4=%s)"
                            .formatted(radicand, sharpe, skewness, kurtosis));
        }
        return Normals.cdf((sharpe - benchmark) * Math.sqrt(observations - 1.0) / Math.sqrt(radicand));
    }
}
