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
     * A Brownian bridge in log-price from the open to the close over {@code steps} sub-steps; high
     * and low are the extremes of open, close and the interior points, so they always bracket both.
     */
    private static final class IntrabarPath {
        private final int steps;
        private final double[] walk;
        private double high;
        private double low;

        IntrabarPath(int steps) {
            this.steps = steps;
            this.walk = new double[steps + 1];
        }

        void walk(SplittableRandom rng, double open, double close, double logReturn, double barSd) {
            high = Math.max(open, close);
            low = Math.min(open, close);
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
