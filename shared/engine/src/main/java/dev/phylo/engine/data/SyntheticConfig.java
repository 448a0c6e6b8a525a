package dev.phylo.engine.data;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link SyntheticMarket} generates. Rates are annual (a 365.25-day, 24/7 calendar) and are
 * scaled to the bar interval.
 *
 * @param symbol      the series symbol
 * @param interval    the bar interval; bars are evenly spaced, with no sessions or weekends
 * @param bars        how many bars
 * @param seed        the only source of randomness: the same config gives bit-identical series
 * @param startMillis the open time of the first bar, epoch milliseconds UTC
 * @param startPrice  the open of the first bar
 * @param volatility  the return process: long-run volatility, GARCH(1,1) weights, tail thickness
 * @param regimes     the drift regimes: a sticky three-state Markov chain
 * @param volume      the volume process
 * @param subSteps    how high and low are placed: 0, the exact extremes of a continuous path from open to close;
 *                    n ≥ 2, the extremes of n discrete points of it; 1, no wicks beyond open and close
 * @param gapFraction standard deviation of the open's gap from the previous close, as a fraction of
 *                    the bar's volatility; 0 makes every open equal the previous close
 */
public record SyntheticConfig(
        String symbol,
        BarInterval interval,
        int bars,
        long seed,
        long startMillis,
        double startPrice,
        Volatility volatility,
        Regimes regimes,
        Volume volume,
        int subSteps,
        double gapFraction) {
    /** 2020-01-01T00:00:00Z. */
    public static final long DEFAULT_START =
            Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

    public SyntheticConfig {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(volatility, "volatility");
        Objects.requireNonNull(regimes, "regimes");
        Objects.requireNonNull(volume, "volume");
        if (bars < 1) {
            throw new IllegalArgumentException("bars must be at least 1: " + bars);
        }
        if (!(startPrice > 0) || Double.isInfinite(startPrice)) {
            throw new IllegalArgumentException("startPrice must be positive and finite: " + startPrice);
        }
        if (subSteps < 0 || subSteps > 64) {
            throw new IllegalArgumentException("subSteps must be in 0..64: " + subSteps);
        }
        if (!(gapFraction >= 0) || Double.isInfinite(gapFraction)) {
            throw new IllegalArgumentException("gapFraction must be >= 0 and finite: " + gapFraction);
        }
        long lastOpen = startMillis + (bars - 1) * interval.millis();
        if (lastOpen < startMillis) {
            throw new IllegalArgumentException(
                    "%d bars of %s from %d overflow the time range".formatted(bars, interval, startMillis));
        }
    }

    /**
     * Stock-like defaults: 100.0 at 2020-01-01, 30% volatility with GARCH(0.06, 0.92) clustering and
     * Student-t(5) shocks, bull +20% / bear -25% / sideways 0% regimes lasting 90 days on average,
     * a million shares a day, highs and lows of a continuous intrabar path and no opening gaps.
     */
    public static SyntheticConfig defaults(String symbol, BarInterval interval, int bars, long seed) {
        return new SyntheticConfig(
                symbol,
                interval,
                bars,
                seed,
                DEFAULT_START,
                100.0,
                new Volatility(0.30, 0.06, 0.92, 5.0),
                new Regimes(0.20, -0.25, 0.0, 90.0),
                new Volume(1_000_000, 0.4, 0.3),
                0,
                0.0);
    }

    /**
     * A planted edge of known strength, for testing validation: the default volatility, and regimes that drift
     * {@code +annualDrift} and {@code -annualDrift} a year (the third has no drift), lasting {@code meanDays} on
     * average. A strategy that knew the regime would hold a Sharpe ratio of about {@code annualDrift / 0.30} while in
     * a trending one; a trend follower, which learns the regime late, gets less.
     */
    public static SyntheticConfig plantedEdge(
            String symbol, BarInterval interval, int bars, long seed, double annualDrift, double meanDays) {
        return defaults(symbol, interval, bars, seed)
                .withRegimes(new Regimes(annualDrift, -annualDrift, 0.0, meanDays));
    }

    /**
     * Driftless noise, the control for {@link #plantedEdge}: the default volatility (its clustering and fat tails
     * included) and no drift in any regime. {@link SyntheticMarket#endingAtStart} then removes what drift the draw
     * has, so that buy-and-hold makes nothing.
     */
    public static SyntheticConfig noise(String symbol, BarInterval interval, int bars, long seed) {
        return defaults(symbol, interval, bars, seed).withRegimes(new Regimes(0.0, 0.0, 0.0, 90.0));
    }

    public SyntheticConfig withStart(long newStartMillis, double newStartPrice) {
        return new SyntheticConfig(
                symbol,
                interval,
                bars,
                seed,
                newStartMillis,
                newStartPrice,
                volatility,
                regimes,
                volume,
                subSteps,
                gapFraction);
    }

    public SyntheticConfig withVolatility(Volatility newVolatility) {
        return new SyntheticConfig(
                symbol,
                interval,
                bars,
                seed,
                startMillis,
                startPrice,
                newVolatility,
                regimes,
                volume,
                subSteps,
                gapFraction);
    }

    public SyntheticConfig withRegimes(Regimes newRegimes) {
        return new SyntheticConfig(
                symbol,
                interval,
                bars,
                seed,
                startMillis,
                startPrice,
                volatility,
                newRegimes,
                volume,
                subSteps,
                gapFraction);
    }

    public SyntheticConfig withVolume(Volume newVolume) {
        return new SyntheticConfig(
                symbol,
                interval,
                bars,
                seed,
                startMillis,
                startPrice,
                volatility,
                regimes,
                newVolume,
                subSteps,
                gapFraction);
    }

    public SyntheticConfig withBars(int newBars, long newSeed) {
        return new SyntheticConfig(
                symbol,
                interval,
                newBars,
                newSeed,
                startMillis,
                startPrice,
                volatility,
                regimes,
                volume,
                subSteps,
                gapFraction);
    }

    public SyntheticConfig withIntrabar(int newSubSteps, double newGapFraction) {
        return new SyntheticConfig(
                symbol,
                interval,
                bars,
                seed,
                startMillis,
                startPrice,
                volatility,
                regimes,
                volume,
                newSubSteps,
                newGapFraction);
    }

    /**
     * The return process. Per bar, {@code h = omega + alpha * shock² + beta * h}, with omega chosen
     * so that the long-run variance is {@code annual²} per year; shocks are {@code sqrt(h)} times a
     * Student-t variate with {@code tailDegrees} degrees of freedom scaled to unit variance.
     *
     * @param annual      long-run annual volatility (0.3 = 30%)
     * @param alpha       GARCH weight of the last squared shock
     * @param beta        GARCH weight of the last variance; {@code alpha + beta < 1}
     * @param tailDegrees Student-t degrees of freedom, above 2; {@code Double.POSITIVE_INFINITY} gives normal shocks
     */
    public record Volatility(double annual, double alpha, double beta, double tailDegrees) {
        public Volatility {
            if (!(annual > 0) || Double.isInfinite(annual)) {
                throw new IllegalArgumentException("annual volatility must be positive and finite: " + annual);
            }
            if (!(alpha >= 0) || !(beta >= 0) || !(alpha + beta < 1)) {
                throw new IllegalArgumentException(
                        "GARCH weights need alpha >= 0, beta >= 0 and alpha + beta < 1: %s + %s"
                                .formatted(alpha, beta));
            }
            if (!(tailDegrees > 2)) {
                throw new IllegalArgumentException("tailDegrees must exceed 2 for a finite variance: " + tailDegrees);
            }
        }
    }

    /**
     * Annual drifts of three regimes, bull, bear and sideways. Each bar leaves its regime with
     * probability {@code barLength / meanDays} for one of the other two, chosen evenly.
     */
    public record Regimes(double bullDrift, double bearDrift, double sidewaysDrift, double meanDays) {
        public Regimes {
            if (!Double.isFinite(bullDrift) || !Double.isFinite(bearDrift) || !Double.isFinite(sidewaysDrift)) {
                throw new IllegalArgumentException("drifts must be finite: bull %s, bear %s, sideways %s"
                        .formatted(bullDrift, bearDrift, sidewaysDrift));
            }
            if (!(meanDays > 0) || Double.isInfinite(meanDays)) {
                throw new IllegalArgumentException("meanDays must be positive and finite: " + meanDays);
            }
        }
    }

    /**
     * Lognormal volume: {@code perDay} scaled to the bar, times {@code exp(sigma * N(0,1) - sigma²/2)},
     * times {@code exp(returnBoost * |return| / long-run bar volatility)}; rounded to whole units.
     */
    public record Volume(double perDay, double sigma, double returnBoost) {
        public Volume {
            if (!(perDay >= 0) || Double.isInfinite(perDay)) {
                throw new IllegalArgumentException("perDay volume must be >= 0 and finite: " + perDay);
            }
            if (!(sigma >= 0) || Double.isInfinite(sigma) || !(returnBoost >= 0) || Double.isInfinite(returnBoost)) {
                throw new IllegalArgumentException(
                        "volume sigma and returnBoost must be >= 0 and finite: %s, %s".formatted(sigma, returnBoost));
            }
        }
    }
}
