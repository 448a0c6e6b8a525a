package dev.phylo.engine.backtest.internal;

import dev.phylo.engine.strategy.Stop;
import dev.phylo.engine.strategy.StrategySpec;

/**
 * How a strategy's stops turn into price levels: distances from the entry fill (percent, or a multiple of ATR at the
 * signal bar) and the trailing level from the best price since entry. Absent stops are infinitely far away, so a
 * comparison against them never fires.
 */
final class StopPricing {
    final Stop stopLoss;
    final Stop takeProfit;
    final Stop trailing;
    private final double trailPct;
    private final int slAtrSlot;
    private final int tpAtrSlot;
    private final int trAtrSlot;

    StopPricing(StrategySpec spec, IndicatorBank bank) {
        stopLoss = spec.stopLoss();
        takeProfit = spec.takeProfit();
        trailing = spec.trailingStop();
        trailPct = trailing != null && trailing.kind() == Stop.Kind.PERCENT ? trailing.value() / 100.0 : 0.0;
        slAtrSlot = atrSlot(stopLoss, bank);
        tpAtrSlot = atrSlot(takeProfit, bank);
        trAtrSlot = atrSlot(trailing, bank);
    }

    private static int atrSlot(Stop stop, IndicatorBank bank) {
        return stop != null && stop.kind() == Stop.Kind.ATR ? bank.slot(stop.atrSpec(), 0) : -1;
    }

    /** ATR at bar t for the stop-loss (0 when it is not an ATR stop); likewise below. */
    double stopLossAtr(IndicatorBank bank, int t) {
        return atrAt(bank, slAtrSlot, t);
    }

    double takeProfitAtr(IndicatorBank bank, int t) {
        return atrAt(bank, tpAtrSlot, t);
    }

    double trailingAtr(IndicatorBank bank, int t) {
        return atrAt(bank, trAtrSlot, t);
    }

    private static double atrAt(IndicatorBank bank, int slot, int t) {
        return slot < 0 ? 0.0 : bank.array(slot)[t - bank.base(slot)];
    }

    /** Distance of {@code stop} from {@code fill}, or +infinity when there is no such stop. */
    static double distance(Stop stop, double fill, double atr) {
        if (stop == null) {
            return Double.POSITIVE_INFINITY;
        }
        return stop.kind() == Stop.Kind.PERCENT ? fill * stop.value() / 100.0 : stop.value() * atr;
    }

    /**
     * Trailing level for a position of side {@code dir} whose best price is {@code best}: a percentage of it, or the
     * entry-time ATR distance {@code trailDist} from it.
     */
    double trailLevel(int dir, double best, double trailDist) {
        return trailPct > 0 ? best * (1 - dir * trailPct) : best - dir * trailDist;
    }
}
