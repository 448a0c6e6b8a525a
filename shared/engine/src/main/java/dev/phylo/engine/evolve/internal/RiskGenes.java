package dev.phylo.engine.evolve.internal;

import dev.phylo.engine.evolve.NotInSearchSpaceException;
import dev.phylo.engine.evolve.RiskSpace;
import dev.phylo.engine.strategy.Stop;

/**
 * One gene per stop and one for the bar limit. Above the off region a stop gene picks, in order, the percent
 * distances and then the ATR multiples of its {@link RiskSpace.StopRange}.
 */
public final class RiskGenes {
    private RiskGenes() {}

    /** The stop a gene stands for, or null for none. */
    public static Stop stop(double gene, RiskSpace.StopRange range) {
        int i = Genes.choiceOrOff(gene, range.off(), range.choices());
        if (i == Genes.OFF) {
            return null;
        }
        int percents = range.percents().size();
        return i < percents
                ? Stop.percent(range.percents().get(i))
                : Stop.atr(range.atrPeriod(), range.atrMultiples().get(i - percents));
    }

    /** A gene decoding to {@code stop} (null = none), or {@link NotInSearchSpaceException} naming {@code field}. */
    public static double encodeStop(Stop stop, RiskSpace.StopRange range, String field) {
        int index;
        if (stop == null) {
            index = Genes.OFF;
            if (!(range.off() > 0)) {
                throw new NotInSearchSpaceException(
                        "%s: the search space always sets one (off share 0), but the spec has none".formatted(field));
            }
        } else {
            index = stop.kind() == Stop.Kind.PERCENT
                    ? range.percents().indexOf(stop.value())
                    : stop.atrPeriod() != range.atrPeriod()
                            ? -1
                            : range.atrMultiples().indexOf(stop.value());
            if (index < 0 || range.off() >= 1) {
                throw new NotInSearchSpaceException(
                        "%s %s is not in the search space: percents %s, atrMultiples %s of atr(%d), off share %s"
                                .formatted(
                                        field,
                                        describe(stop),
                                        range.percents(),
                                        range.atrMultiples(),
                                        range.atrPeriod(),
                                        range.off()));
            }
            if (stop.kind() == Stop.Kind.ATR) {
                index += range.percents().size();
            }
        }
        return Genes.encodeChoiceOrOff(index, range.off(), range.choices());
    }

    /** The bar limit a gene stands for, 0 for none. */
    public static int maxBars(double gene, RiskSpace.BarLimit limit) {
        int i = Genes.choiceOrOff(gene, limit.off(), limit.bars().size());
        return i == Genes.OFF ? 0 : limit.bars().get(i);
    }

    /** A gene decoding to {@code maxBars} (0 = none). */
    public static double encodeMaxBars(int maxBars, RiskSpace.BarLimit limit) {
        int index = maxBars == 0 ? Genes.OFF : limit.bars().indexOf(maxBars);
        boolean possible = maxBars == 0 ? limit.off() > 0 : index >= 0 && limit.off() < 1;
        if (!possible) {
            throw new NotInSearchSpaceException("maxBarsInTrade %d is not in the search space: bars %s, off share %s"
                    .formatted(maxBars, limit.bars(), limit.off()));
        }
        return Genes.encodeChoiceOrOff(index, limit.off(), limit.bars().size());
    }

    private static String describe(Stop stop) {
        return stop.kind() == Stop.Kind.PERCENT
                ? GridChecks.num(stop.value()) + "%"
                : GridChecks.num(stop.value()) + " x atr(" + stop.atrPeriod() + ")";
    }
}
