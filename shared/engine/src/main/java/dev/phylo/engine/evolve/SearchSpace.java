package dev.phylo.engine.evolve;

import dev.phylo.engine.strategy.Direction;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Everything the GA may choose when it builds a strategy: which rule families, which directions, each family's
 * parameter grid, the optional stops and bar limit, and the (fixed) position size. Plain records, so a run input can
 * carry it as JSON (Jackson binds it; see {@code SearchSpaceTest}).
 *
 * <p>The order of {@code families} and {@code directions} is the order in which their genes pick them.
 *
 * @param families          enabled rule families, distinct, at least one
 * @param directions        allowed directions, distinct, at least one
 * @param maCross           grid of {@link RuleFamily#MA_CROSS}
 * @param rsiReversion      grid of {@link RuleFamily#RSI_REVERSION}
 * @param bollingerBreakout grid of {@link RuleFamily#BOLLINGER_BREAKOUT}
 * @param donchianBreakout  grid of {@link RuleFamily#DONCHIAN_BREAKOUT}
 * @param macdCross         grid of {@link RuleFamily#MACD_CROSS}
 * @param stochReversion    grid of {@link RuleFamily#STOCH_REVERSION}
 * @param rocMomentum       grid of {@link RuleFamily#ROC_MOMENTUM}
 * @param zscoreReversion   grid of {@link RuleFamily#ZSCORE_REVERSION}
 * @param risk              optional stops and bar limit
 * @param sizingFraction    fraction of equity every strategy trades, in (0, 1]
 */
public record SearchSpace(
        List<RuleFamily> families,
        List<Direction> directions,
        FamilyGrids.MaCross maCross,
        FamilyGrids.RsiReversion rsiReversion,
        FamilyGrids.Bollinger bollingerBreakout,
        FamilyGrids.Donchian donchianBreakout,
        FamilyGrids.Macd macdCross,
        FamilyGrids.StochReversion stochReversion,
        FamilyGrids.RocMomentum rocMomentum,
        FamilyGrids.ZscoreReversion zscoreReversion,
        RiskSpace risk,
        double sizingFraction) {

    public SearchSpace {
        families = distinct(families, "families");
        directions = distinct(directions, "directions");
        Objects.requireNonNull(maCross, "maCross");
        Objects.requireNonNull(rsiReversion, "rsiReversion");
        Objects.requireNonNull(bollingerBreakout, "bollingerBreakout");
        Objects.requireNonNull(donchianBreakout, "donchianBreakout");
        Objects.requireNonNull(macdCross, "macdCross");
        Objects.requireNonNull(stochReversion, "stochReversion");
        Objects.requireNonNull(rocMomentum, "rocMomentum");
        Objects.requireNonNull(zscoreReversion, "zscoreReversion");
        Objects.requireNonNull(risk, "risk");
        if (!(sizingFraction > 0 && sizingFraction <= 1)) {
            throw new IllegalArgumentException("sizingFraction must be in (0, 1]: " + sizingFraction);
        }
    }

    /**
     * Every family, every direction, the default grids of {@link FamilyGrids}, {@link RiskSpace#DEFAULT} and all-in
     * sizing (fraction 1).
     */
    public static SearchSpace defaults() {
        return new SearchSpace(
                List.of(RuleFamily.values()),
                List.of(Direction.LONG, Direction.SHORT, Direction.BOTH),
                FamilyGrids.MaCross.DEFAULT,
                FamilyGrids.RsiReversion.DEFAULT,
                FamilyGrids.Bollinger.DEFAULT,
                FamilyGrids.Donchian.DEFAULT,
                FamilyGrids.Macd.DEFAULT,
                FamilyGrids.StochReversion.DEFAULT,
                FamilyGrids.RocMomentum.DEFAULT,
                FamilyGrids.ZscoreReversion.DEFAULT,
                RiskSpace.DEFAULT,
                1.0);
    }

    /** This space with only the given families enabled, in that order. */
    public SearchSpace withFamilies(RuleFamily... enabled) {
        return new SearchSpace(
                List.of(enabled),
                directions,
                maCross,
                rsiReversion,
                bollingerBreakout,
                donchianBreakout,
                macdCross,
                stochReversion,
                rocMomentum,
                zscoreReversion,
                risk,
                sizingFraction);
    }

    /** This space with only the given directions allowed, in that order. */
    public SearchSpace withDirections(Direction... allowed) {
        return new SearchSpace(
                families,
                List.of(allowed),
                maCross,
                rsiReversion,
                bollingerBreakout,
                donchianBreakout,
                macdCross,
                stochReversion,
                rocMomentum,
                zscoreReversion,
                risk,
                sizingFraction);
    }

    /** This space with other stops and bar limit. */
    public SearchSpace withRisk(RiskSpace newRisk) {
        return new SearchSpace(
                families,
                directions,
                maCross,
                rsiReversion,
                bollingerBreakout,
                donchianBreakout,
                macdCross,
                stochReversion,
                rocMomentum,
                zscoreReversion,
                newRisk,
                sizingFraction);
    }

    /** This space trading another fraction of equity. */
    public SearchSpace withSizingFraction(double fraction) {
        return new SearchSpace(
                families,
                directions,
                maCross,
                rsiReversion,
                bollingerBreakout,
                donchianBreakout,
                macdCross,
                stochReversion,
                rocMomentum,
                zscoreReversion,
                risk,
                fraction);
    }

    private static <E extends Enum<E>> List<E> distinct(List<E> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + " needs at least one value");
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(field + " contains null: " + values);
        }
        if (EnumSet.copyOf(values).size() != values.size()) {
            throw new IllegalArgumentException(field + " has duplicate values: " + values);
        }
        return List.copyOf(values);
    }
}
