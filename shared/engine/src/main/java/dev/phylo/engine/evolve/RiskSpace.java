package dev.phylo.engine.evolve;

import dev.phylo.engine.evolve.internal.GridChecks;
import dev.phylo.engine.indicator.IndicatorSpec;
import java.util.List;
import java.util.Objects;

/**
 * The exits a strategy may add to its rules: stop-loss, take-profit, trailing stop and a bar limit. Each is one gene
 * whose lowest {@code off} share means "none"; the rest of the gene picks one value from the lists, in order.
 */
public record RiskSpace(StopRange stopLoss, StopRange takeProfit, StopRange trailingStop, BarLimit maxBarsInTrade) {
    public static final RiskSpace DEFAULT = new RiskSpace(
            new StopRange(0.4, List.of(1.0, 2.0, 3.0, 5.0, 8.0), List.of(1.0, 1.5, 2.0, 3.0), 14),
            new StopRange(0.5, List.of(2.0, 4.0, 6.0, 10.0, 15.0), List.of(2.0, 3.0, 4.0, 6.0), 14),
            new StopRange(0.6, List.of(2.0, 3.0, 5.0, 8.0, 12.0), List.of(2.0, 3.0, 4.0), 14),
            new BarLimit(0.6, List.of(10, 20, 30, 60, 120)));

    /** No stops and no bar limit, ever. */
    public static final RiskSpace NONE = new RiskSpace(StopRange.NONE, StopRange.NONE, StopRange.NONE, BarLimit.NONE);

    public RiskSpace {
        Objects.requireNonNull(stopLoss, "risk.stopLoss");
        Objects.requireNonNull(takeProfit, "risk.takeProfit");
        Objects.requireNonNull(trailingStop, "risk.trailingStop");
        Objects.requireNonNull(maxBarsInTrade, "risk.maxBarsInTrade");
    }

    /**
     * Stop distances: percentages of the entry price, then multiples of ATR({@code atrPeriod}).
     *
     * @param off          share of the gene meaning "no stop", in [0, 1]; 1 = never a stop
     * @param percents     percent distances, each in (0, 100)
     * @param atrMultiples ATR multiples, each in (0, 100)
     * @param atrPeriod    period of the ATR every ATR stop reads
     */
    public record StopRange(double off, List<Double> percents, List<Double> atrMultiples, int atrPeriod) {
        public static final StopRange NONE = new StopRange(1, List.of(), List.of(), 14);

        public StopRange {
            GridChecks.unit(off, "stop off share");
            percents = GridChecks.optionalLevels(percents, 0, 100, "stop percents");
            atrMultiples = GridChecks.optionalLevels(atrMultiples, 0, 100, "stop atrMultiples");
            if (atrPeriod < 1 || atrPeriod > IndicatorSpec.MAX_PERIOD) {
                throw new IllegalArgumentException(
                        "stop atrPeriod must be in [1, %d]: %d".formatted(IndicatorSpec.MAX_PERIOD, atrPeriod));
            }
            if (off < 1 && percents.isEmpty() && atrMultiples.isEmpty()) {
                throw new IllegalArgumentException(
                        "a stop with no percents and no atrMultiples must have off = 1 (always off): off=" + off);
            }
        }

        /** Number of stop values the gene chooses from. */
        public int choices() {
            return percents.size() + atrMultiples.size();
        }
    }

    /**
     * Limits on the bars a position may stay open.
     *
     * @param off  share of the gene meaning "no limit", in [0, 1]; 1 = never a limit
     * @param bars limits to choose from, each at least 1
     */
    public record BarLimit(double off, List<Integer> bars) {
        public static final BarLimit NONE = new BarLimit(1, List.of());

        public BarLimit {
            GridChecks.unit(off, "maxBarsInTrade off share");
            Objects.requireNonNull(bars, "maxBarsInTrade bars");
            bars = bars.isEmpty() ? List.of() : GridChecks.periods(bars, 1, "maxBarsInTrade bars");
            if (off < 1 && bars.isEmpty()) {
                throw new IllegalArgumentException(
                        "maxBarsInTrade with no bars must have off = 1 (always off): off=" + off);
            }
        }
    }
}
