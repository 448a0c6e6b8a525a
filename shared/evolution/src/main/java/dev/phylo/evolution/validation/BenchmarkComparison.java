package dev.phylo.evolution.validation;

/**
 * A strategy against buy-and-hold on the same bars: how much it made beyond the market, and how much of what it made
 * the market explains.
 *
 * <p>From the per-bar returns r (strategy) and b (buy-and-hold, close to close), over the same T bars:
 * <ul>
 *   <li>excess return: the strategy's compounded return minus buy-and-hold's;</li>
 *   <li>excess Sharpe ratio: mean / sd of r − b, annualised by √barsPerYear (the information ratio against
 *       buy-and-hold);</li>
 *   <li>beta and alpha: the least-squares line r = α + β·b (Jensen, "The Performance of Mutual Funds in the Period
 *       1945–1964", Journal of Finance 23(2), 1968, with a zero risk-free rate), α annualised by barsPerYear;</li>
 *   <li>mostly beta: the strategy made money (mean r &gt; 0), β &gt; 0, and β·mean(b), the part of its mean return that
 *       exposure to the market explains, is at least half of mean(r).</li>
 * </ul>
 *
 * @param strategyReturn   compounded return of r
 * @param benchmarkReturn  compounded return of b: buy-and-hold
 * @param excessReturn     strategyReturn − benchmarkReturn
 * @param excessSharpe     annualised Sharpe ratio of r − b; null when r − b does not vary
 * @param beta             β; null when b does not vary
 * @param alpha            α per year; null when b does not vary
 * @param mostlyBeta       whether the market explains at least half of the strategy's mean return
 */
public record BenchmarkComparison(
        double strategyReturn,
        double benchmarkReturn,
        double excessReturn,
        Double excessSharpe,
        Double beta,
        Double alpha,
        boolean mostlyBeta) {

    /** The share of a strategy's mean return that, explained by the market, makes it "mostly beta". */
    public static final double BETA_SHARE = 0.5;

    /**
     * @throws IllegalArgumentException for series of different or fewer than 2 lengths, or a value that is not finite
     */
    public static BenchmarkComparison of(double[] strategy, double[] benchmark, double barsPerYear) {
        int n = strategy.length;
        if (benchmark.length != n || n < 2) {
            throw new IllegalArgumentException(
                    "need two return series of the same length >= 2: %d and %d".formatted(n, benchmark.length));
        }
        double growthR = 1;
        double growthB = 1;
        double meanR = 0;
        double meanB = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isFinite(strategy[t]) || !Double.isFinite(benchmark[t])) {
                throw new IllegalArgumentException(
                        "return %d is not finite: strategy %s, benchmark %s".formatted(t, strategy[t], benchmark[t]));
            }
            growthR *= 1 + strategy[t];
            growthB *= 1 + benchmark[t];
            meanR += strategy[t];
            meanB += benchmark[t];
        }
        meanR /= n;
        meanB /= n;
        double varB = 0;
        double cov = 0;
        double varExcess = 0;
        double meanExcess = meanR - meanB;
        for (int t = 0; t < n; t++) {
            double db = benchmark[t] - meanB;
            double dx = strategy[t] - benchmark[t] - meanExcess;
            varB += db * db;
            cov += db * (strategy[t] - meanR);
            varExcess += dx * dx;
        }
        Double excessSharpe =
                varExcess > 0 ? meanExcess / Math.sqrt(varExcess / (n - 1)) * Math.sqrt(barsPerYear) : null;
        Double beta = varB > 0 ? cov / varB : null;
        Double alpha = beta == null ? null : (meanR - beta * meanB) * barsPerYear;
        boolean mostlyBeta = beta != null && meanR > 0 && beta > 0 && beta * meanB >= BETA_SHARE * meanR;
        return new BenchmarkComparison(
                growthR - 1, growthB - 1, growthR - growthB, excessSharpe, beta, alpha, mostlyBeta);
    }

    /** Close-to-close returns of {@code close}: buy-and-hold's per-bar returns. */
    public static double[] buyAndHold(double[] close) {
        double[] r = new double[Math.max(0, close.length - 1)];
        for (int t = 1; t < close.length; t++) {
            r[t - 1] = close[t] / close[t - 1] - 1.0;
        }
        return r;
    }
}
