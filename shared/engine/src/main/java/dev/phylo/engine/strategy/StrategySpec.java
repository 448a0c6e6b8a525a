package dev.phylo.engine.strategy;

import java.util.Objects;

/**
 * A trading strategy as data: which side it trades, when it enters and exits, its stops and its size. Its JSON form
 * (see {@link StrategySpecs}) is versioned and human-readable.
 *
 * @param version        format version, currently {@value #VERSION}
 * @param name           free text for people
 * @param direction      long-only, short-only or both
 * @param longRules      entry/exit of long positions; null when the direction excludes longs
 * @param shortRules     entry/exit of short positions; null when the direction excludes shorts
 * @param stopLoss       closes a losing position intrabar; null for none
 * @param takeProfit     closes a winning position intrabar; null for none
 * @param trailingStop   follows the best price since entry; null for none
 * @param maxBarsInTrade closes a position that has been open this many bars; 0 for no limit
 * @param sizing         position size
 */
public record StrategySpec(
        int version,
        String name,
        Direction direction,
        SideRules longRules,
        SideRules shortRules,
        Stop stopLoss,
        Stop takeProfit,
        Stop trailingStop,
        int maxBarsInTrade,
        Sizing sizing) {
    public static final int VERSION = 1;

    /** Every condition of every rule: long entry and exit, then short entry and exit. */
    public java.util.List<Rule.Condition> conditions() {
        java.util.List<Rule.Condition> out = new java.util.ArrayList<>();
        for (SideRules side : new SideRules[] {longRules, shortRules}) {
            if (side != null) {
                out.addAll(side.entry().conditions());
                if (side.exit() != null) {
                    out.addAll(side.exit().conditions());
                }
            }
        }
        return out;
    }

    public StrategySpec {
        if (version != VERSION) {
            throw new IllegalArgumentException(
                    "unsupported strategy spec version %d; this engine reads version %d".formatted(version, VERSION));
        }
        name = name == null ? "" : name;
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(sizing, "sizing");
        if (direction.allowsLong() != (longRules != null)) {
            throw new IllegalArgumentException(
                    direction.allowsLong()
                            ? "direction %s needs \"long\" rules".formatted(direction.id())
                            : "\"long\" rules given but direction is short");
        }
        if (direction.allowsShort() != (shortRules != null)) {
            throw new IllegalArgumentException(
                    direction.allowsShort()
                            ? "direction %s needs \"short\" rules".formatted(direction.id())
                            : "\"short\" rules given but direction is long");
        }
        boolean longReverses = longRules != null && longRules.reverseOnly();
        boolean shortReverses = shortRules != null && shortRules.reverseOnly();
        if ((longReverses || shortReverses) && direction != Direction.BOTH) {
            throw new IllegalArgumentException(
                    "reverseOnly needs direction both: there is no opposite position to reverse");
        }
        if (longReverses && shortReverses) {
            throw new IllegalArgumentException("reverseOnly on both sides: the strategy could never open a position");
        }
        if (maxBarsInTrade < 0) {
            throw new IllegalArgumentException("maxBarsInTrade must be >= 0 (0 = no limit): " + maxBarsInTrade);
        }
    }
}
