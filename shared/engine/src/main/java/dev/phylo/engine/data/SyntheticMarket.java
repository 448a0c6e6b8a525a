package dev.phylo.engine.data;

import java.util.SplittableRandom;

/**
 * Generates realistic OHLCV bars from a seed: GARCH(1,1) volatility clustering, fat-tailed
 * Student-t shocks, drift regimes (bull, bear, sideways) that switch by a sticky Markov chain, intrabar
 * paths for high and low, and lognormal volume that rises with the size of the move.
 *
 * <p>Prices follow geometric returns, so they stay positive. One {@link SplittableRandom} seeded from
 * the config drives everything, and {@link StrictMath} does the transcendental functions, so the same
 * config gives bit-identical series on every JVM and machine.
 */
public final class SyntheticMarket {
    private static final double DAY_MS = 86_400_000.0;
    private static final double YEAR_MS = 365.25 * DAY_MS;
    private static final double MAX_VOLUME_BOOST_MOVE = 8.0;

    private SyntheticMarket() {}

    public static BarSeries generate(SyntheticConfig cfg) {
        int n = cfg.bars();
        long barMs = cfg.interval().millis();
        double dtYears = barMs / YEAR_MS;
        SyntheticConfig.Volatility vol = cfg.volatility();
        SyntheticConfig.Regimes regimes = cfg.regimes();
        SyntheticConfig.Volume vp = cfg.volume();

        double longRunVariance = vol.annual() * vol.annual() * dtYears;
        double longRunSd = Math.sqrt(longRunVariance);
        double omega = longRunVariance * (1 - vol.alpha() - vol.beta());
        double[] drift = {
            regimes.bullDrift() * dtYears, regimes.bearDrift() * dtYears, regimes.sidewaysDrift() * dtYears
        };
        double leaveRegime = Math.min(1.0, barMs / DAY_MS / regimes.meanDays());
        double volumePerBar = vp.perDay() * barMs / DAY_MS;
        double volumeMeanShift = -0.5 * vp.sigma() * vp.sigma();

        SplittableRandom rng = new SplittableRandom(cfg.seed());
        StudentT shocks = new StudentT(vol.tailDegrees());
        IntrabarPath path = new IntrabarPath(cfg.subSteps());

        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];

        int regime = rng.nextInt(3);
        double variance = longRunVariance;
        double lastShockSquared = longRunVariance;
        double price = cfg.startPrice();
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < leaveRegime) {
                regime = (regime + 1 + rng.nextInt(2)) % 3;
            }
            variance = omega + vol.alpha() * lastShockSquared + vol.beta() * variance;
            double sd = Math.sqrt(variance);
            double shock = sd * shocks.next(rng);
            lastShockSquared = shock * shock;
            double logReturn = drift[regime] - 0.5 * variance + shock;

            double o =
                    cfg.gapFraction() > 0 ? price * StrictMath.exp(cfg.gapFraction() * sd * rng.nextGaussian()) : price;
            double c = o * StrictMath.exp(logReturn);
            path.walk(rng, o, c, logReturn, sd);

            double move = Math.min(Math.abs(shock) / longRunSd, MAX_VOLUME_BOOST_MOVE);
            double v = volumePerBar
                    * StrictMath.exp(vp.sigma() * rng.nextGaussian() + volumeMeanShift + vp.returnBoost() * move);

            time[i] = cfg.startMillis() + i * barMs;
            open[i] = o;
            high[i] = path.high();
            low[i] = path.low();
            close[i] = c;
            volume[i] = Math.rint(v);
            price = c;
        }
        return BarSeries.of(cfg.symbol(), cfg.interval(), time, open, high, low, close, volume);
    }

    /**
     * {@code series} with its drift removed: every price of bar i times exp(−μ·i), μ = ln(last close / first
     * open) / (bars − 1), so the last close equals the first open and buy-and-hold over the whole series makes nothing.
     * Each close-to-close log return loses the same μ; the shape of each bar is kept.
     */
    public static BarSeries endingAtStart(BarSeries series) {
        int n = series.size();
        if (n < 2) {
            return series;
        }
        double[] open = series.open().clone();
        double[] high = series.high().clone();
        double[] low = series.low().clone();
        double[] close = series.close().clone();
        double mu = Math.log(close[n - 1] / open[0]) / (n - 1);
        for (int i = 0; i < n; i++) {
            double f = StrictMath.exp(-mu * i);
            open[i] *= f;
            high[i] *= f;
            low[i] *= f;
            close[i] *= f;
        }
        close[n - 1] = open[0]; // exactly, whatever the rounding
        high[n - 1] = Math.max(high[n - 1], close[n - 1]);
        low[n - 1] = Math.min(low[n - 1], close[n - 1]);
        return withPrices(series, open, high, low, close);
    }

    /**
     * {@code series} pulled back towards its first open: a planted mean-reversion edge of known strength. In log
     * price, each close is x(t) = x(t−1) + r(t) − κ·(x(t−1) − x0), with r(t) the series' own close-to-close log return,
     * x0 the first open and κ = ln 2 / halfLifeBars: a deviation halves in {@code halfLifeBars} bars on average (an
     * Ornstein–Uhlenbeck process, discretised). The pull arrives at each bar's open, as a gap decided by the previous
     * close, so a strategy that sees a deviation at a close and fills at the next open earns the pull of the bars after
     * that. Each bar keeps its shape (all four prices move by the same factor); the price stays near where it started,
     * so buy-and-hold makes almost nothing.
     *
     * @throws IllegalArgumentException when halfLifeBars is not positive and finite
     */
    public static BarSeries meanReverting(BarSeries series, double halfLifeBars) {
        if (!(halfLifeBars > 0) || Double.isInfinite(halfLifeBars)) {
            throw new IllegalArgumentException("halfLifeBars must be positive and finite: " + halfLifeBars);
        }
        int n = series.size();
        double kappa = Math.log(2) / halfLifeBars;
        double[] open = series.open().clone();
        double[] high = series.high().clone();
        double[] low = series.low().clone();
        double[] close = series.close().clone();
        double anchor = Math.log(open[0]);
        double previousRaw = anchor;
        double x = anchor;
        for (int i = 0; i < n; i++) {
            double raw = Math.log(close[i]);
            double pulled = x + (raw - previousRaw) - kappa * (x - anchor);
            double f = StrictMath.exp(pulled - raw);
            open[i] *= f;
            high[i] *= f;
            low[i] *= f;
            close[i] *= f;
            previousRaw = raw;
            x = pulled;
        }
        return withPrices(series, open, high, low, close);
    }

    /** {@code series} with new prices: the same symbol, interval, times and volumes. */
    private static BarSeries withPrices(BarSeries series, double[] open, double[] high, double[] low, double[] close) {
        return BarSeries.of(
                series.symbol(),
                series.interval(),
                series.time().clone(),
                open,
                high,
                low,
                close,
                series.volume().clone());
    }

    /**
     * Where a bar's high and low lie, given its open and close: in log-price, a Brownian bridge from the open to the
     * close with the bar's variance.
     *
     * <p>With {@code steps} = 0 (the default), the high and the low are drawn from the exact distributions of a
     * continuous bridge's maximum and minimum: P(max ≥ m) = exp(−2 (m − a)(m − b) / σ²) for m ≥ max(a, b), inverted
     * (Borodin and Salminen, "Handbook of Brownian Motion", 2002). A path watched at a few points only would show
     * smaller ranges than the path it samples, so a stop placed beyond them would be reached less often than the
     * price really crosses it, and stop-loss strategies would gain on pure noise (docs/architecture.md,
     * "Synthetic data"). With {@code steps} ≥ 2, the extremes of that many discrete points (kept for comparison); 1
     * gives no wicks beyond open and close.
     */
    private static final class IntrabarPath {
        private final int steps;
        private final double[] walk;
        private double high;
        private double low;

        IntrabarPath(int steps) {
            this.steps = steps;
            this.walk = new double[Math.max(1, steps) + 1];
        }

        void walk(SplittableRandom rng, double open, double close, double logReturn, double barSd) {
            high = Math.max(open, close);
            low = Math.min(open, close);
            if (steps == 0) {
                double variance = barSd * barSd;
                double reachUp = Math.sqrt(logReturn * logReturn - 2 * variance * Math.log(1 - rng.nextDouble()));
                double reachDown = Math.sqrt(logReturn * logReturn - 2 * variance * Math.log(1 - rng.nextDouble()));
                high = Math.max(high, open * StrictMath.exp(0.5 * (logReturn + reachUp)));
                low = Math.min(low, open * StrictMath.exp(0.5 * (logReturn - reachDown)));
                return;
            }
            if (steps < 2) {
                return;
            }
            double stepSd = barSd / Math.sqrt(steps);
            for (int k = 1; k <= steps; k++) {
                walk[k] = walk[k - 1] + stepSd * rng.nextGaussian();
            }
            double endGap = logReturn - walk[steps];
            for (int k = 1; k < steps; k++) {
                double point = open * StrictMath.exp(walk[k] + endGap * k / steps);
                high = Math.max(high, point);
                low = Math.min(low, point);
            }
        }

        double high() {
            return high;
        }

        double low() {
            return low;
        }
    }
}
