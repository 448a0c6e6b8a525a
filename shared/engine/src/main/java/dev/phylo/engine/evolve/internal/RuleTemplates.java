package dev.phylo.engine.evolve.internal;

import static dev.phylo.engine.evolve.internal.GridChecks.num;
import static dev.phylo.engine.evolve.internal.RuleTemplate.sides;

import dev.phylo.engine.evolve.FamilyGrids;
import dev.phylo.engine.evolve.RuleFamily;
import dev.phylo.engine.evolve.SearchSpace;
import dev.phylo.engine.strategy.Direction;
import java.util.List;
import java.util.function.BiFunction;

/** The {@link RuleTemplate} of each {@link RuleFamily} over its grid; the rule text is documented on the family. */
public final class RuleTemplates {
    private RuleTemplates() {}

    public static RuleTemplate of(RuleFamily family, SearchSpace space) {
        return switch (family) {
            case MA_CROSS -> maCross(space.maCross());
            case RSI_REVERSION -> rsiReversion(space.rsiReversion());
            case BOLLINGER_BREAKOUT -> bollinger(space.bollingerBreakout());
            case DONCHIAN_BREAKOUT -> donchian(space.donchianBreakout());
            case MACD_CROSS -> macd(space.macdCross());
            case STOCH_REVERSION -> stoch(space.stochReversion());
            case ROC_MOMENTUM -> roc(space.rocMomentum());
            case ZSCORE_REVERSION -> zscore(space.zscoreReversion());
        };
    }

    /**
     * Parameters: average, slow period (any but the shortest), fast period (any below the slow one). Coding the fast
     * period relative to the slow one keeps every genome valid without rejecting or repairing.
     */
    static RuleTemplate maCross(FamilyGrids.MaCross g) {
        List<Integer> periods = g.periods();
        return new RuleTemplate() {
            @Override
            public int arity() {
                return 3;
            }

            @Override
            public int choices(int param, int[] chosen) {
                return switch (param) {
                    case 0 -> g.averages().size();
                    case 1 -> periods.size() - 1;
                    default -> chosen[1] + 1;
                };
            }

            @Override
            public Rules rules(int[] c, Direction d) {
                String avg = g.averages().get(c[0]);
                String fast = avg + "(" + periods.get(c[2]) + ")";
                String slow = avg + "(" + periods.get(c[1] + 1) + ")";
                String above = fast + " crosses above " + slow;
                String below = fast + " crosses below " + slow;
                boolean reverse = d == Direction.BOTH;
                return sides(
                        "maCross " + fast + "/" + slow,
                        d,
                        above,
                        reverse ? null : below,
                        below,
                        reverse ? null : above);
            }
        };
    }

    static RuleTemplate rsiReversion(FamilyGrids.RsiReversion g) {
        return fixed(
                (c, d) -> reversion(
                        "rsiReversion",
                        "rsi(" + g.periods().get(c[0]) + ")",
                        50,
                        g.entryLevels().get(c[1]),
                        g.exitLevels().get(c[2]),
                        d),
                g.periods().size(),
                g.entryLevels().size(),
                g.exitLevels().size());
    }

    static RuleTemplate bollinger(FamilyGrids.Bollinger g) {
        return fixed(
                (c, d) -> {
                    String b = "bollinger(" + g.periods().get(c[0]) + ","
                            + num(g.deviations().get(c[1])) + ")";
                    return sides(
                            "bollingerBreakout " + b,
                            d,
                            "close crosses above " + b + ".upper",
                            "close crosses below " + b + ".middle",
                            "close crosses below " + b + ".lower",
                            "close crosses above " + b + ".middle");
                },
                g.periods().size(),
                g.deviations().size());
    }

    static RuleTemplate donchian(FamilyGrids.Donchian g) {
        return fixed(
                (c, d) -> {
                    int in = g.entryPeriods().get(c[0]);
                    int out = g.exitPeriods().get(c[1]);
                    return sides(
                            "donchianBreakout " + in + "/" + out,
                            d,
                            "close > highest(" + in + ")[1]",
                            "close < lowest(" + out + ")[1]",
                            "close < lowest(" + in + ")[1]",
                            "close > highest(" + out + ")[1]");
                },
                g.entryPeriods().size(),
                g.exitPeriods().size());
    }

    static RuleTemplate macd(FamilyGrids.Macd g) {
        return fixed(
                (c, d) -> {
                    String m = "macd(" + g.fast().get(c[0]) + "," + g.slow().get(c[1]) + ","
                            + g.signal().get(c[2]) + ")";
                    String above = m + " crosses above " + m + ".signal";
                    String below = m + " crosses below " + m + ".signal";
                    return sides("macdCross " + m, d, above, below, below, above);
                },
                g.fast().size(),
                g.slow().size(),
                g.signal().size());
    }

    static RuleTemplate stoch(FamilyGrids.StochReversion g) {
        return fixed(
                (c, d) -> {
                    int s = g.smoothings().get(c[1]);
                    String x = "stoch(" + g.periods().get(c[0]) + "," + s + "," + s + ")";
                    return reversion(
                            "stochReversion",
                            x,
                            50,
                            g.entryLevels().get(c[2]),
                            g.exitLevels().get(c[3]),
                            d);
                },
                g.periods().size(),
                g.smoothings().size(),
                g.entryLevels().size(),
                g.exitLevels().size());
    }

    static RuleTemplate roc(FamilyGrids.RocMomentum g) {
        return fixed(
                (c, d) -> {
                    String x = "roc(" + g.periods().get(c[0]) + ")";
                    double t = g.thresholds().get(c[1]);
                    return sides(
                            "rocMomentum " + x + " " + num(t),
                            d,
                            x + " > " + num(t),
                            x + " < 0",
                            x + " < " + num(-t),
                            x + " > 0");
                },
                g.periods().size(),
                g.thresholds().size());
    }

    static RuleTemplate zscore(FamilyGrids.ZscoreReversion g) {
        return fixed(
                (c, d) -> reversion(
                        "zscoreReversion",
                        "zscore(" + g.periods().get(c[0]) + ")",
                        0,
                        g.entryLevels().get(c[1]),
                        g.exitLevels().get(c[2]),
                        d),
                g.periods().size(),
                g.entryLevels().size(),
                g.exitLevels().size());
    }

    /** Long below {@code entry}, out above {@code exit}; the short side reflects both levels about {@code center}. */
    private static RuleTemplate.Rules reversion(
            String family, String x, double center, double entry, double exit, Direction d) {
        String label = family + " " + x + " " + num(entry) + "/" + num(exit);
        return sides(
                label,
                d,
                x + " < " + num(entry),
                x + " > " + num(exit),
                x + " > " + num(2 * center - entry),
                x + " < " + num(2 * center - exit));
    }

    private static RuleTemplate fixed(BiFunction<int[], Direction, RuleTemplate.Rules> build, int... sizes) {
        return new RuleTemplate() {
            @Override
            public int arity() {
                return sizes.length;
            }

            @Override
            public int choices(int param, int[] chosen) {
                return sizes[param];
            }

            @Override
            public Rules rules(int[] chosen, Direction direction) {
                return build.apply(chosen, direction);
            }
        };
    }
}
