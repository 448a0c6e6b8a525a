package dev.phylo.engine.evolve;

import dev.phylo.engine.evolve.internal.GridChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parameter grids of each {@link RuleFamily}: every parameter takes one value from a short list, so that the
 * strategies of a batch share few distinct indicators (each is computed once per batch). Lists are distinct; period
 * lists that are compared by position are also ascending.
 */
public final class FamilyGrids {
    private FamilyGrids() {}

    /** Periods {@code from, from+step, ...} up to {@code to} inclusive: a convenience for building grids. */
    public static List<Integer> range(int from, int to, int step) {
        if (step < 1 || from > to) {
            throw new IllegalArgumentException(
                    "range needs from <= to and step >= 1: from=%d to=%d step=%d".formatted(from, to, step));
        }
        List<Integer> out = new ArrayList<>();
        for (long p = from; p <= to; p += step) {
            out.add((int) p);
        }
        return out;
    }

    /**
     * Moving-average cross. {@code averages} are indicator ids among {@code sma ema wma}; the fast and slow periods
     * both come from {@code periods} (strictly ascending, at least two), fast below slow.
     */
    public record MaCross(List<String> averages, List<Integer> periods) {
        private static final Set<String> AVERAGES = Set.of("sma", "ema", "wma");
        public static final MaCross DEFAULT =
                new MaCross(List.of("sma", "ema"), List.of(5, 8, 10, 14, 20, 30, 50, 100, 200));

        public MaCross {
            if (averages == null || averages.isEmpty()) {
                throw new IllegalArgumentException("maCross.averages needs at least one of "
                        + AVERAGES.stream().sorted().toList());
            }
            averages = List.copyOf(averages);
            for (String a : averages) {
                if (!AVERAGES.contains(a)) {
                    throw new IllegalArgumentException("maCross.averages: unknown average '%s'; use %s"
                            .formatted(a, AVERAGES.stream().sorted().toList()));
                }
            }
            if (Set.copyOf(averages).size() != averages.size()) {
                throw new IllegalArgumentException("maCross.averages has duplicate values: " + averages);
            }
            periods = GridChecks.periods(periods, 1, "maCross.periods");
            GridChecks.ascending(periods, "maCross.periods");
            if (periods.size() < 2) {
                throw new IllegalArgumentException(
                        "maCross.periods needs at least two periods (fast < slow): " + periods);
            }
        }
    }

    /** RSI reversion: long entry below an entry level (below 50), exit above an exit level. */
    public record RsiReversion(List<Integer> periods, List<Double> entryLevels, List<Double> exitLevels) {
        public static final RsiReversion DEFAULT = new RsiReversion(
                List.of(5, 8, 10, 14, 20, 30), List.of(20.0, 25.0, 30.0, 35.0), List.of(40.0, 50.0, 60.0));

        public RsiReversion {
            periods = GridChecks.periods(periods, 1, "rsiReversion.periods");
            entryLevels = GridChecks.levels(entryLevels, 0, 50, "rsiReversion.entryLevels");
            exitLevels = GridChecks.levels(exitLevels, 0, 100, "rsiReversion.exitLevels");
            GridChecks.below(entryLevels, "rsiReversion.entryLevels", exitLevels, "rsiReversion.exitLevels");
        }
    }

    /** Bollinger breakout: period (at least 2) and band width in standard deviations. */
    public record Bollinger(List<Integer> periods, List<Double> deviations) {
        public static final Bollinger DEFAULT = new Bollinger(List.of(10, 14, 20, 30, 50), List.of(1.5, 2.0, 2.5, 3.0));

        public Bollinger {
            periods = GridChecks.periods(periods, 2, "bollingerBreakout.periods");
            deviations = GridChecks.levels(deviations, 0, 10, "bollingerBreakout.deviations");
        }
    }

    /** Donchian breakout: the channel broken to enter, and the (usually shorter) opposite channel to exit. */
    public record Donchian(List<Integer> entryPeriods, List<Integer> exitPeriods) {
        public static final Donchian DEFAULT =
                new Donchian(List.of(10, 14, 20, 30, 50, 100), List.of(5, 8, 10, 14, 20, 30));

        public Donchian {
            entryPeriods = GridChecks.periods(entryPeriods, 1, "donchianBreakout.entryPeriods");
            exitPeriods = GridChecks.periods(exitPeriods, 1, "donchianBreakout.exitPeriods");
        }
    }

    /** MACD signal cross: every fast period must be below every slow period. */
    public record Macd(List<Integer> fast, List<Integer> slow, List<Integer> signal) {
        public static final Macd DEFAULT = new Macd(List.of(5, 8, 12), List.of(21, 26, 35, 50), List.of(5, 9, 12));

        public Macd {
            fast = GridChecks.periods(fast, 1, "macdCross.fast");
            slow = GridChecks.periods(slow, 2, "macdCross.slow");
            signal = GridChecks.periods(signal, 1, "macdCross.signal");
            GridChecks.below(fast, "macdCross.fast", slow, "macdCross.slow");
        }
    }

    /**
     * Stochastic reversion on %K of {@code stoch(n,d,d)}: levels as for RSI (entry below 50, exit above every entry).
     */
    public record StochReversion(
            List<Integer> periods, List<Integer> smoothings, List<Double> entryLevels, List<Double> exitLevels) {
        public static final StochReversion DEFAULT =
                new StochReversion(List.of(5, 8, 14, 20), List.of(3), List.of(10.0, 20.0, 30.0), List.of(50.0, 80.0));

        public StochReversion {
            periods = GridChecks.periods(periods, 1, "stochReversion.periods");
            smoothings = GridChecks.periods(smoothings, 1, "stochReversion.smoothings");
            entryLevels = GridChecks.levels(entryLevels, 0, 50, "stochReversion.entryLevels");
            exitLevels = GridChecks.levels(exitLevels, 0, 100, "stochReversion.exitLevels");
            GridChecks.below(entryLevels, "stochReversion.entryLevels", exitLevels, "stochReversion.exitLevels");
        }
    }

    /** Rate-of-change momentum: thresholds are fractions ({@code 0.02} = 2 %), zero or positive. */
    public record RocMomentum(List<Integer> periods, List<Double> thresholds) {
        public static final RocMomentum DEFAULT =
                new RocMomentum(List.of(5, 10, 14, 20, 30, 50, 100), List.of(0.0, 0.01, 0.02, 0.05));

        public RocMomentum {
            periods = GridChecks.periods(periods, 1, "rocMomentum.periods");
            thresholds = GridChecks.levels(thresholds, -1, 10, "rocMomentum.thresholds");
            for (double t : thresholds) {
                if (t < 0) {
                    throw new IllegalArgumentException(
                            "rocMomentum.thresholds must be >= 0 (the short side uses -t): %s in %s"
                                    .formatted(t, thresholds));
                }
            }
        }
    }

    /** Z-score reversion: entry levels below 0, exit levels above every entry level. */
    public record ZscoreReversion(List<Integer> periods, List<Double> entryLevels, List<Double> exitLevels) {
        public static final ZscoreReversion DEFAULT = new ZscoreReversion(
                List.of(10, 14, 20, 30, 50), List.of(-2.5, -2.0, -1.5, -1.0), List.of(-0.5, 0.0, 0.5));

        public ZscoreReversion {
            periods = GridChecks.periods(periods, 2, "zscoreReversion.periods");
            entryLevels = GridChecks.levels(entryLevels, -10, 0, "zscoreReversion.entryLevels");
            exitLevels = GridChecks.levels(exitLevels, -10, 10, "zscoreReversion.exitLevels");
            GridChecks.below(entryLevels, "zscoreReversion.entryLevels", exitLevels, "zscoreReversion.exitLevels");
        }
    }
}
