package dev.phylo.engine.backtest.internal;

import dev.phylo.engine.backtest.ExitReason;

/** Receives closed trades as primitives, so batch runs that only need metrics allocate nothing. */
public interface TradeSink {
    void onTrade(
            int side,
            int entryBar,
            double entryPrice,
            int exitBar,
            double exitPrice,
            double quantity,
            double pnl,
            double returnPct,
            ExitReason reason);
}
