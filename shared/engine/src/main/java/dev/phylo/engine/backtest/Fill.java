package dev.phylo.engine.backtest;

/** When an order signalled at a bar's close is filled. */
public enum Fill {
    /** At the next bar's open (the default: no look-ahead, realistic). */
    NEXT_OPEN,
    /** At the same bar's close (the signal's own price; optimistic). */
    CLOSE
}
