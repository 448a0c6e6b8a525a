package dev.phylo.engine.evolve;

import dev.phylo.engine.strategy.Direction;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the GA may choose when it builds a strategy: which rule families, which directions, each family's
 * parameter grid, the optional stops and bar limit, the optional trend filter, and the position sizes. Plain records, so a run input can
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
 * @param trend             optional trend filter on every family's entries
 * @param sizingFractions   fractions of equity a strategy may trade, each in (0, 1], distinct; one gene picks one
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
        TrendSpace trend,
        List<Double> sizingFractions) {

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
        Objects.requireNonNull(trend, "trend");
        if (sizingFractions == null || sizingFractions.isEmpty()) {
            throw new IllegalArgumentException("sizingFractions needs at least one fraction");
        }
        sizingFractions = List.copyOf(sizingFractions);
        for (double f : sizingFractions) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("sizingFractions must each be in (0, 1]: " + f);
            }
        }
        if (Set.copyOf(sizingFractions).size() != sizingFractions.size()) {
            throw new IllegalArgumentException("sizingFractions has duplicates: " + sizingFractions);
        }
    }

    /** The default position sizes: a quarter, half, three quarters or all of equity. */
    public static final List<Double> DEFAULT_SIZING = List.of(0.25, 0.5, 0.75, 1.0);

    /**
     * Every family, every direction, the default grids of {@link FamilyGrids}, {@link RiskSpace#DEFAULT},
     * {@link TrendSpace#DEFAULT} and {@link #DEFAULT_SIZING}.
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
                TrendSpace.DEFAULT,
                DEFAULT_SIZING);
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
                trend,
                sizingFractions);
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
                trend,
                sizingFractions);
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
                trend,
                sizingFractions);
    }

    /** This space trading one fixed fraction of equity. */
    public SearchSpace withSizingFraction(double fraction) {
        return withSizingFractions(List.of(fraction));
    }

    /** This space with another trend filter ({@link TrendSpace#NONE}: none). */
    public SearchSpace withTrend(TrendSpace newTrend) {
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
                newTrend,
                sizingFractions);
    }

    /** This space choosing among other fractions of equity. */
    public SearchSpace withSizingFractions(List<Double> fractions) {
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
                trend,
                fractions);
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
