package dev.phylo.engine.backtest.internal;

import dev.phylo.engine.backtest.ExitReason;
import dev.phylo.engine.backtest.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Closed trades kept in primitive columns while a backtest runs, turned into {@link Trade} records once at the end:
 * the run itself allocates nothing per trade and never touches the (cold) time column.
 */
public final class TradeLog implements TradeSink {
    private static final ExitReason[] REASONS = ExitReason.values();

    private int size;
    private int[] side = new int[64];
    private int[] entryBar = new int[64];
    private int[] exitBar = new int[64];
    private byte[] reason = new byte[64];
    private double[] entryPrice = new double[64];
    private double[] exitPrice = new double[64];
    private double[] quantity = new double[64];
    private double[] pnl = new double[64];
    private double[] returnPct = new double[64];

    @Override
    public void onTrade(int s, int eb, double ep, int xb, double xp, double q, double p, double r, ExitReason why) {
        if (size == side.length) {
            grow();
        }
        side[size] = s;
        entryBar[size] = eb;
        exitBar[size] = xb;
        reason[size] = (byte) why.ordinal();
        entryPrice[size] = ep;
        exitPrice[size] = xp;
        quantity[size] = q;
        pnl[size] = p;
        returnPct[size] = r;
        size++;
    }

    private void grow() {
        int n = size * 2;
        side = Arrays.copyOf(side, n);
        entryBar = Arrays.copyOf(entryBar, n);
        exitBar = Arrays.copyOf(exitBar, n);
        reason = Arrays.copyOf(reason, n);
        entryPrice = Arrays.copyOf(entryPrice, n);
        exitPrice = Arrays.copyOf(exitPrice, n);
        quantity = Arrays.copyOf(quantity, n);
        pnl = Arrays.copyOf(pnl, n);
        returnPct = Arrays.copyOf(returnPct, n);
    }

    /** The trades in order, with bar times from {@code time}. */
    public List<Trade> toTrades(long[] time) {
        List<Trade> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Trade(
                    side[i],
                    entryBar[i],
                    time[entryBar[i]],
                    entryPrice[i],
                    exitBar[i],
                    time[exitBar[i]],
                    exitPrice[i],
                    quantity[i],
                    pnl[i],
                    returnPct[i],
                    REASONS[reason[i]]));
        }
        return out;
    }
}
