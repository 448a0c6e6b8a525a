package dev.phylo.engine.backtest.internal;

import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.backtest.ExitReason;
import dev.phylo.engine.backtest.Fill;
import dev.phylo.engine.metrics.EquityStats;
import dev.phylo.engine.strategy.Sizing;
import dev.phylo.engine.strategy.StrategySpec;

/**
 * Simulates one strategy bar by bar, a block at a time, keeping its state between blocks. No allocation per bar.
 *
 * <p>Order of events within bar t:
 * <ol>
 *   <li>an order signalled at the previous close fills at this open (next-open mode): exit first, then entry;</li>
 *   <li>an open position's stops are checked against this bar: a gap through the stop fills at the open, otherwise
 *       at the stop level; stop-loss and trailing stop before take-profit when both are inside the bar;</li>
 *   <li>the trailing stop's best price is updated with this bar's high (long) or low (short);</li>
 *   <li>rules are evaluated at the close: exit rule, opposite entry (reverse) or the bar limit closes the
 *       position; a flat strategy enters when exactly one allowed side's entry holds; the order fills at the next
 *       open, or at this close in close mode;</li>
 *   <li>equity is marked at the close; at the last bar an open position is closed at the close (end of data).</li>
 * </ol>
 * Most bars need none of this: flat bars without an entry signal, and held bars without an exit signal, stop touch
 * or bar limit, run through two tight loops; only the others take the general {@link #step}.
 */
public final class StrategyRunner {
    private final SignalProgram program;
    private final boolean allowLong;
    private final boolean allowShort;
    private final boolean nextOpen;
    private final double feeRate;
    private final double slipRate;
    private final Sizing sizing;
    private final int maxBars;
    private final StopPricing stops;
    private final int lastBar;
    /** Entries allowed from flat (a reverse-only side may only reverse). */
    private final int flatEntryMask;

    private final int longExitMask;
    private final int shortExitMask;
    private final EquityStats stats;
    private final TradeSink sink;
    private final double[] equityCurve;
    private byte[] sig;

    private int pos;
    private double qty;
    private double cash;
    private double entryPrice;
    private double entryFee;
    private int entryBar;
    /** Last bar whose close may pass without the bar limit closing the position. */
    private int deadline;

    private double slLevel;
    private double tpLevel;
    private double trailDist;
    private double trailBest;
    /** The binding stop: max(stop-loss, trailing) for a long, min for a short; +-infinity when none. */
    private double stopLine;

    private boolean pendingExit;
    private ExitReason pendingReason;
    private int pendingEntry;
    private double pendingSlAtr;
    private double pendingTpAtr;
    private double pendingTrAtr;

    public StrategyRunner(
            StrategySpec spec,
            IndicatorBank bank,
            ExecutionConfig exec,
            int blockSize,
            TradeSink sink,
            double[] equityCurve) {
        this.program = new SignalProgram(spec, bank, blockSize);
        this.allowLong = spec.direction().allowsLong();
        this.allowShort = spec.direction().allowsShort();
        this.nextOpen = exec.fill() == Fill.NEXT_OPEN;
        this.feeRate = exec.feeBps() / 10_000.0;
        this.slipRate = exec.slippageBps() / 10_000.0;
        this.sizing = spec.sizing();
        this.maxBars = spec.maxBarsInTrade();
        this.stops = new StopPricing(spec, bank);
        this.lastBar = bank.series().size() - 1;
        this.flatEntryMask = (allowLong && !spec.longRules().reverseOnly() ? SignalProgram.ENTRY_LONG : 0)
                | (allowShort && !spec.shortRules().reverseOnly() ? SignalProgram.ENTRY_SHORT : 0);
        this.longExitMask = SignalProgram.EXIT_LONG | (allowShort ? SignalProgram.ENTRY_SHORT : 0);
        this.shortExitMask = SignalProgram.EXIT_SHORT | (allowLong ? SignalProgram.ENTRY_LONG : 0);
        this.stats = new EquityStats(exec.initialCapital());
        this.cash = exec.initialCapital();
        this.sink = sink;
        this.equityCurve = equityCurve;
    }

    public EquityStats stats() {
        return stats;
    }

    /**
     * Runs bars {@code [from, to)}; the bank must hold this block. {@code scratch} is working memory of the calling
     * thread, at least a block long; nothing in it survives the call.
     */
    public void runBlock(IndicatorBank bank, int from, int to, RunnerScratch scratch) {
        sig = scratch.signals;
        program.eval(bank, from, to, sig);
        double[] open = bank.series().open();
        double[] high = bank.series().high();
        double[] low = bank.series().low();
        double[] close = bank.series().close();
        int quietEnd = Math.min(to, lastBar); // the last bar always takes the general step
        int t = from;
        while (t < to) {
            if (pos == 0 && pendingEntry == 0) {
                t = skipFlat(t, from, quietEnd);
                if (nextOpen && t < quietEnd) {
                    // an entry signal while flat: only the order for the next open changes; equity does not
                    if (t == 0) {
                        stats.anchor();
                    }
                    if (equityCurve != null) {
                        equityCurve[t] = cash;
                    }
                    decide(bank, t, sig[t - from], close[t]);
                    t++;
                    continue;
                }
            } else if (pos != 0 && !pendingExit) {
                int end = Math.min(quietEnd, deadline + 1);
                t = pos > 0 ? holdLong(t, from, end, high, low, close) : holdShort(t, from, end, high, low, close);
                if (nextOpen && t < quietEnd && !stopTouched(high[t], low[t])) {
                    // only a rule or the bar limit fires at this close: a held bar, then the exit order
                    stats.onHeld(cash, pos * qty, close, t, t + 1, equityCurve);
                    moveTrail(high[t], low[t]);
                    decide(bank, t, sig[t - from], close[t]);
                    t++;
                    continue;
                }
            }
            if (t < to) {
                step(bank, t, sig[t - from], open[t], high[t], low[t], close[t]);
                t++;
            }
        }
    }

    /** Flat, no order pending: equity does not move until an entry signal. Returns the first bar to step. */
    private int skipFlat(int t, int from, int end) {
        int start = t;
        while (t < end && (sig[t - from] & flatEntryMask) == 0) {
            t++;
        }
        if (start == 0 && t > 0) {
            stats.anchor();
        }
        if (equityCurve != null) {
            java.util.Arrays.fill(equityCurve, start, t, cash);
        }
        return t;
    }

    /** Long, nothing pending: marks to market until an exit signal, a stop or target touch, or the bar limit. */
    private int holdLong(int t, int from, int end, double[] high, double[] low, double[] close) {
        int start = t;
        double line = stopLine;
        double target = tpLevel;
        if (stops.trailing == null) { // the stop line is fixed for the trade
            while (t < end && (sig[t - from] & longExitMask) == 0 && low[t] > line && high[t] < target) {
                t++;
            }
        } else {
            double best = trailBest;
            while (t < end && (sig[t - from] & longExitMask) == 0) {
                double h = high[t];
                if (low[t] <= line || h >= target) {
                    break;
                }
                if (h > best) {
                    best = h;
                    line = longStopLine(best);
                }
                t++;
            }
            trailBest = best;
            stopLine = line;
        }
        stats.onHeld(cash, qty, close, start, t, equityCurve);
        return t;
    }

    /** Mirror of {@link #holdLong} for a short position. */
    private int holdShort(int t, int from, int end, double[] high, double[] low, double[] close) {
        int start = t;
        double line = stopLine;
        double target = tpLevel;
        if (stops.trailing == null) {
            while (t < end && (sig[t - from] & shortExitMask) == 0 && high[t] < line && low[t] > target) {
                t++;
            }
        } else {
            double best = trailBest;
            while (t < end && (sig[t - from] & shortExitMask) == 0) {
                double l = low[t];
                if (high[t] >= line || l <= target) {
                    break;
                }
                if (l < best) {
                    best = l;
                    line = shortStopLine(best);
                }
                t++;
            }
            trailBest = best;
            stopLine = line;
        }
        stats.onHeld(cash, -qty, close, start, t, equityCurve);
        return t;
    }

    /** Whether this bar's range reaches the open position's stop line or target. */
    private boolean stopTouched(double h, double l) {
        return pos > 0 ? l <= stopLine || h >= tpLevel : h >= stopLine || l <= tpLevel;
    }

    /** Moves the trailing stop's best price with this bar's high (long) or low (short). */
    private void moveTrail(double h, double l) {
        if (pos > 0 && h > trailBest) {
            trailBest = h;
            stopLine = longStopLine(h);
        } else if (pos < 0 && l < trailBest) {
            trailBest = l;
            stopLine = shortStopLine(l);
        }
    }

    private double longStopLine(double best) {
        return Math.max(slLevel, stops.trailLevel(1, best, trailDist));
    }

    private double shortStopLine(double best) {
        return Math.min(slLevel, stops.trailLevel(-1, best, trailDist));
    }

    private void step(IndicatorBank bank, int t, int s, double o, double h, double l, double c) {
        if (pendingExit) {
            exit(t, o, pendingReason);
            pendingExit = false;
        }
        if (pendingEntry != 0) {
            enter(t, pendingEntry, o, pendingSlAtr, pendingTpAtr, pendingTrAtr);
            pendingEntry = 0;
        }
        if (pos != 0) {
            checkStops(t, o, h, l);
        }
        moveTrail(h, l);
        boolean exposed = pos != 0;
        if (t < lastBar) {
            decide(bank, t, s, c);
            exposed = pos != 0;
        } else if (pos != 0) {
            exit(t, c, ExitReason.END_OF_DATA); // held through the last bar, closed at its close
        }
        double equity = pos == 0 ? cash : cash + pos * qty * c;
        if (exposed) {
            stats.onExposedBar();
        }
        if (exposed || equity != stats.equity() || t == 0) {
            stats.onBar(equity); // a flat bar with unchanged equity adds nothing
        }
        if (equityCurve != null) {
            equityCurve[t] = equity;
        }
    }

    private void decide(IndicatorBank bank, int t, int s, double c) {
        if (pos != 0) {
            boolean isLong = pos > 0;
            boolean exitRule = (s & (isLong ? SignalProgram.EXIT_LONG : SignalProgram.EXIT_SHORT)) != 0;
            boolean reverse = isLong
                    ? allowShort && (s & SignalProgram.ENTRY_SHORT) != 0
                    : allowLong && (s & SignalProgram.ENTRY_LONG) != 0;
            ExitReason reason = exitRule
                    ? ExitReason.SIGNAL
                    : reverse ? ExitReason.REVERSE : t > deadline ? ExitReason.MAX_BARS : null;
            if (reason == null) {
                return;
            }
            int next = reverse ? -pos : 0;
            if (nextOpen) {
                pendingExit = true;
                pendingReason = reason;
                schedule(bank, t, next);
            } else {
                exit(t, c, reason);
                if (next != 0) {
                    enter(
                            t,
                            next,
                            c,
                            stops.stopLossAtr(bank, t),
                            stops.takeProfitAtr(bank, t),
                            stops.trailingAtr(bank, t));
                }
            }
            return;
        }
        boolean goLong = (s & flatEntryMask & SignalProgram.ENTRY_LONG) != 0;
        boolean goShort = (s & flatEntryMask & SignalProgram.ENTRY_SHORT) != 0;
        if (goLong == goShort) {
            return;
        }
        int dir = goLong ? 1 : -1;
        if (nextOpen) {
            schedule(bank, t, dir);
        } else {
            enter(t, dir, c, stops.stopLossAtr(bank, t), stops.takeProfitAtr(bank, t), stops.trailingAtr(bank, t));
        }
    }

    private void schedule(IndicatorBank bank, int t, int dir) {
        pendingEntry = dir;
        if (dir != 0) {
            pendingSlAtr = stops.stopLossAtr(bank, t);
            pendingTpAtr = stops.takeProfitAtr(bank, t);
            pendingTrAtr = stops.trailingAtr(bank, t);
        }
    }

    private void enter(int t, int dir, double rawPrice, double slAtr, double tpAtr, double trAtr) {
        if (Double.isNaN(slAtr) || Double.isNaN(tpAtr) || Double.isNaN(trAtr)) {
            return; // an ATR stop whose ATR is still undefined: no entry rather than an unprotected position
        }
        double fill = dir > 0 ? rawPrice * (1 + slipRate) : rawPrice * (1 - slipRate);
        double q = sizing.units() > 0 ? sizing.units() : sizing.fractionOfEquity() * cash / (fill * (1 + feeRate));
        if (!(q > 0) || !(cash > 0)) {
            return;
        }
        double fee = q * fill * feeRate;
        cash -= dir * q * fill + fee;
        pos = dir;
        qty = q;
        entryPrice = fill;
        entryFee = fee;
        entryBar = t;
        // held bars at the close of bar t' are t' - t (+1 when filled at an open); the limit closes at maxBars
        deadline = maxBars == 0 ? Integer.MAX_VALUE - 1 : t + maxBars - 1 - (nextOpen ? 1 : 0);
        slLevel = fill - dir * StopPricing.distance(stops.stopLoss, fill, slAtr);
        tpLevel = fill + dir * StopPricing.distance(stops.takeProfit, fill, tpAtr);
        trailDist = StopPricing.distance(stops.trailing, fill, trAtr);
        trailBest = fill;
        stopLine = dir > 0 ? longStopLine(fill) : shortStopLine(fill);
    }

    private void checkStops(int t, double o, double h, double l) {
        if (pos > 0) {
            ExitReason why = stopLine > slLevel ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS;
            if (o <= stopLine) {
                exit(t, o, why);
            } else if (l <= stopLine) {
                exit(t, stopLine, why);
            } else if (o >= tpLevel) {
                exit(t, o, ExitReason.TAKE_PROFIT);
            } else if (h >= tpLevel) {
                exit(t, tpLevel, ExitReason.TAKE_PROFIT);
            }
        } else {
            ExitReason why = stopLine < slLevel ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS;
            if (o >= stopLine) {
                exit(t, o, why);
            } else if (h >= stopLine) {
                exit(t, stopLine, why);
            } else if (o <= tpLevel) {
                exit(t, o, ExitReason.TAKE_PROFIT);
            } else if (l <= tpLevel) {
                exit(t, tpLevel, ExitReason.TAKE_PROFIT);
            }
        }
    }

    private void exit(int t, double rawPrice, ExitReason reason) {
        if (pos == 0) {
            return;
        }
        double fill = pos > 0 ? rawPrice * (1 - slipRate) : rawPrice * (1 + slipRate);
        double fee = qty * fill * feeRate;
        cash += pos * qty * fill - fee;
        double pnl = pos * qty * (fill - entryPrice) - entryFee - fee;
        double ret = pnl / (qty * entryPrice);
        stats.onTrade(pnl, ret);
        if (sink != null) {
            sink.onTrade(pos, entryBar, entryPrice, t, fill, qty, pnl, ret, reason);
        }
        pos = 0;
        qty = 0;
    }
}
