package dev.phylo.engine.backtest;

/**
 * One closed trade. Prices are fill prices (slippage included); {@code pnl} is net of both sides' fees and
 * {@code returnPct} is pnl over entry notional, as a fraction.
 *
 * @param side      +1 long, -1 short
 * @param entryBar  0-based index of the bar whose price filled the entry
 * @param exitBar   0-based index of the bar whose price filled the exit
 */
public record Trade(
        int side,
        int entryBar,
        long entryTime,
        double entryPrice,
        int exitBar,
        long exitTime,
        double exitPrice,
        double quantity,
        double pnl,
        double returnPct,
        ExitReason exitReason) {

    public String sideName() {
        return side > 0 ? "long" : "short";
    }
}
