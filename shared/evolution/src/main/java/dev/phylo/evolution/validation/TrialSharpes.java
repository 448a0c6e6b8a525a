package dev.phylo.evolution.validation;

/**
 * The trials a strategy was selected from, as the deflated Sharpe ratio counts them: N, and the variance of their
 * per-bar Sharpe ratios. Trials whose Sharpe ratio is undefined (no variance in their returns) count in N but add
 * nothing to the variance.
 *
 * @param trials   N, every distinct strategy evaluated
 * @param defined  trials with a defined Sharpe ratio
 * @param variance the sample variance (divisor {@code defined − 1}) of their per-bar Sharpe ratios; 0 for fewer
 *                 than 2
 */
public record TrialSharpes(long trials, int defined, double variance) {

    private static final double YEAR_MILLIS = 365.25 * 24 * 3600 * 1000;

    public TrialSharpes {
        if (trials < 1 || defined < 0 || defined > trials) {
            throw new IllegalArgumentException(
                    "need 1 <= trials and 0 <= defined <= trials: %d, %d".formatted(trials, defined));
        }
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance must be finite and >= 0: " + variance);
        }
    }

    /**
     * @param trials          N
     * @param perBarSharpes   the defined per-bar Sharpe ratios among them (all finite)
     */
    public static TrialSharpes of(long trials, double[] perBarSharpes) {
        int n = perBarSharpes.length;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(perBarSharpes[i])) {
                throw new IllegalArgumentException(
                        "Sharpe ratio %d of %d is not finite: %s".formatted(i, n, perBarSharpes[i]));
            }
            mean += perBarSharpes[i];
        }
        if (n < 2) {
            return new TrialSharpes(trials, n, 0.0);
        }
        mean /= n;
        double ss = 0;
        for (double s : perBarSharpes) {
            ss += (s - mean) * (s - mean);
        }
        return new TrialSharpes(trials, n, ss / (n - 1));
    }

    /**
     * Bars per year as {@code Metrics.sharpe} annualises: (bars − 1) returns over the years from the first to the
     * last bar's time (365.25-day years).
     *
     * @throws IllegalArgumentException for fewer than 2 bars or a span that is not positive
     */
    public static double barsPerYear(int bars, long firstTime, long lastTime) {
        if (bars < 2 || lastTime <= firstTime) {
            throw new IllegalArgumentException("bars per year need >= 2 bars over a positive span: %d bars, %d..%d"
                    .formatted(bars, firstTime, lastTime));
        }
        return (bars - 1) / ((lastTime - firstTime) / YEAR_MILLIS);
    }

    /** An annualised Sharpe ratio (as in {@code Metrics}) back per bar: divided by √barsPerYear. */
    public static double perBar(double annualised, double barsPerYear) {
        return annualised / Math.sqrt(barsPerYear);
    }
}
