package dev.phylo.engine.backtest.internal;

import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.backtest.ExitReason;
import dev.phylo.engine.backtest.Fill;
import dev.phylo.engine.metrics.EquityStats;
import dev.phylo.engine.strategy.Sizing;
import dev.phylo.engine.strategy.Stop;
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
    private final Stop stopLoss;
    private final Stop takeProfit;
    private final Stop trailing;
    private final int slAtrSlot;
    private final int tpAtrSlot;
    private final int trAtrSlot;
    private final int lastBar;
    private final EquityStats stats;
    private final TradeSink sink;
    private final double[] equityCurve;
    private final byte[] sig;

    private int pos;
    private double qty;
    private double cash;
    private double entryPrice;
    private double entryFee;
    private int entryBar;
    private double slLevel;
    private double tpLevel;
    private double trailDist;
    private final double trailPct;
    private double trailBest;
    private boolean pendingExit;
    private ExitReason pendingReason;
    private int pendingEntry;
    private double pendingSlAtr;
    private double pendingTpAtr;
    private double pendingTrAtr;

    public StrategyRunner(StrategySpec spec, IndicatorBank bank, ExecutionConfig exec, int blockSize,
                          TradeSink sink, double[] equityCurve) {
        this.program = new SignalProgram(spec, bank, blockSize);
        this.allowLong = spec.direction().allowsLong();
        this.allowShort = spec.direction().allowsShort();
        this.nextOpen = exec.fill() == Fill.NEXT_OPEN;
        this.feeRate = exec.feeBps() / 10_000.0;
        this.slipRate = exec.slippageBps() / 10_000.0;
        this.sizing = spec.sizing();
        this.maxBars = spec.maxBarsInTrade();
        this.stopLoss = spec.stopLoss();
        this.takeProfit = spec.takeProfit();
        this.trailing = spec.trailingStop();
        this.trailPct = trailing != null && trailing.kind() == Stop.Kind.PERCENT ? trailing.value() / 100.0 : 0.0;
        this.slAtrSlot = atrSlot(stopLoss, bank);
        this.tpAtrSlot = atrSlot(takeProfit, bank);
        this.trAtrSlot = atrSlot(trailing, bank);
        this.lastBar = bank.series().size() - 1;
        this.stats = new EquityStats(exec.initialCapital());
        this.cash = exec.initialCapital();
        this.sink = sink;
        this.equityCurve = equityCurve;
        this.sig = new byte[blockSize];
    }

    private static int atrSlot(Stop stop, IndicatorBank bank) {
        return stop != null && stop.kind() == Stop.Kind.ATR ? bank.slot(stop.atrSpec(), 0) : -1;
    }

    public EquityStats stats() {
        return stats;
    }

    /** Runs bars {@code [from, to)}; the bank must hold this block. */
    public void runBlock(IndicatorBank bank, int from, int to) {
        program.eval(bank, from, to, sig);
        int entryMask = (allowLong ? SignalProgram.ENTRY_LONG : 0) | (allowShort ? SignalProgram.ENTRY_SHORT : 0);
        double[] open = bank.series().open();
        double[] high = bank.series().high();
        double[] low = bank.series().low();
        double[] close = bank.series().close();
        int longExitMask = SignalProgram.EXIT_LONG | (allowShort ? SignalProgram.ENTRY_SHORT : 0);
        int shortExitMask = SignalProgram.EXIT_SHORT | (allowLong ? SignalProgram.ENTRY_LONG : 0);
        boolean quiet = maxBars == 0;
        for (int t = from; t < to; t++) {
            int s = sig[t - from];
            if (pos == 0) {
                if (pendingEntry == 0 && (s & entryMask) == 0 && t != lastBar) {
                    // flat and nothing to do: equity unchanged, its return is 0
                    if (t == 0) {
                        stats.anchor();
                    }
                    if (equityCurve != null) {
                        equityCurve[t] = cash;
                    }
                    continue;
                }
            } else if (quiet && !pendingExit && (s & (pos > 0 ? longExitMask : shortExitMask)) == 0
                    && t != lastBar && !stopTouched(open[t], high[t], low[t])) {
                // holding, no order and no stop inside this bar: move the trailing best price and mark to market
                if (pos > 0) {
                    trailBest = Math.max(trailBest, high[t]);
                } else {
                    trailBest = Math.min(trailBest, low[t]);
                }
                double equity = cash + pos * qty * close[t];
                stats.onExposedBar();
                stats.onBar(equity);
                if (equityCurve != null) {
                    equityCurve[t] = equity;
                }
                continue;
            }
            step(bank, t, s, open[t], high[t], low[t], close[t]);
        }
    }

    /** Whether this bar's range reaches the position's stop or target (NaN levels never do). */
    private boolean stopTouched(double o, double h, double l) {
        if (pos > 0) {
            double trail = trailPct > 0 ? trailBest * (1 - trailPct) : trailBest - trailDist;
            return l <= slLevel || l <= trail || h >= tpLevel;
        }
        double trail = trailPct > 0 ? trailBest * (1 + trailPct) : trailBest + trailDist;
        return h >= slLevel || h >= trail || l <= tpLevel;
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
        if (pos > 0) {
            trailBest = Math.max(trailBest, h);
        } else if (pos < 0) {
            trailBest = Math.min(trailBest, l);
        }
        if (t < lastBar) {
            decide(bank, t, s, c);
        } else if (pos != 0) {
            stats.onExposedBar(); // held through the last bar, closed at its close
            exit(t, c, ExitReason.END_OF_DATA);
        }
        double equity = pos == 0 ? cash : cash + pos * qty * c;
        if (pos != 0) {
            stats.onExposedBar();
        }
        stats.onBar(equity);
        if (equityCurve != null) {
            equityCurve[t] = equity;
        }
    }

    private void decide(IndicatorBank bank, int t, int s, double c) {
        if (pos != 0) {
            boolean isLong = pos > 0;
            boolean exitRule = (s & (isLong ? SignalProgram.EXIT_LONG : SignalProgram.EXIT_SHORT)) != 0;
            boolean reverse = isLong ? allowShort && (s & SignalProgram.ENTRY_SHORT) != 0
                    : allowLong && (s & SignalProgram.ENTRY_LONG) != 0;
            int held = t - entryBar + (nextOpen ? 1 : 0);
            ExitReason reason = exitRule ? ExitReason.SIGNAL : reverse ? ExitReason.REVERSE
                    : maxBars > 0 && held >= maxBars ? ExitReason.MAX_BARS : null;
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
                    enter(t, next, c, atrAt(bank, slAtrSlot, t), atrAt(bank, tpAtrSlot, t), atrAt(bank, trAtrSlot, t));
                }
            }
            return;
        }
        boolean goLong = allowLong && (s & SignalProgram.ENTRY_LONG) != 0;
        boolean goShort = allowShort && (s & SignalProgram.ENTRY_SHORT) != 0;
        if (goLong == goShort) {
            return;
        }
        int dir = goLong ? 1 : -1;
        if (nextOpen) {
            schedule(bank, t, dir);
        } else {
            enter(t, dir, c, atrAt(bank, slAtrSlot, t), atrAt(bank, tpAtrSlot, t), atrAt(bank, trAtrSlot, t));
        }
    }

    private void schedule(IndicatorBank bank, int t, int dir) {
        pendingEntry = dir;
        if (dir != 0) {
            pendingSlAtr = atrAt(bank, slAtrSlot, t);
            pendingTpAtr = atrAt(bank, tpAtrSlot, t);
            pendingTrAtr = atrAt(bank, trAtrSlot, t);
        }
    }

    private static double atrAt(IndicatorBank bank, int slot, int t) {
        return slot < 0 ? 0.0 : bank.array(slot)[t - bank.base(slot)];
    }

    private double distance(Stop stop, double fill, double atr) {
        if (stop == null) {
            return Double.NaN;
        }
        return stop.kind() == Stop.Kind.PERCENT ? fill * stop.value() / 100.0 : stop.value() * atr;
    }

    private void enter(int t, int dir, double rawPrice, double slAtr, double tpAtr, double trAtr) {
        if (Double.isNaN(slAtr) || Double.isNaN(tpAtr) || Double.isNaN(trAtr)) {
            return; // an ATR stop whose ATR is still undefined: no entry rather than an unprotected position
        }
        double fill = dir > 0 ? rawPrice * (1 + slipRate) : rawPrice * (1 - slipRate);
        double q = sizing.units() > 0 ? sizing.units()
                : sizing.fractionOfEquity() * cash / (fill * (1 + feeRate));
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
        double sl = distance(stopLoss, fill, slAtr);
        double tp = distance(takeProfit, fill, tpAtr);
        slLevel = fill - dir * sl;
        tpLevel = fill + dir * tp;
        trailDist = trailing == null ? Double.NaN : distance(trailing, fill, trAtr);
        trailBest = fill;
    }

    private void checkStops(int t, double o, double h, double l) {
        if (pos > 0) {
            double trail = trailPct > 0 ? trailBest * (1 - trailPct) : trailBest - trailDist;
            boolean trailWins = trail > slLevel || Double.isNaN(slLevel);
            double stop = trailWins ? trail : slLevel;
            ExitReason why = trailWins ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS;
            if (o <= stop) {
                exit(t, o, why);
            } else if (l <= stop) {
                exit(t, stop, why);
            } else if (o >= tpLevel) {
                exit(t, o, ExitReason.TAKE_PROFIT);
            } else if (h >= tpLevel) {
                exit(t, tpLevel, ExitReason.TAKE_PROFIT);
            }
        } else {
            double trail = trailPct > 0 ? trailBest * (1 + trailPct) : trailBest + trailDist;
            boolean trailWins = trail < slLevel || Double.isNaN(slLevel);
            double stop = trailWins ? trail : slLevel;
            ExitReason why = trailWins ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS;
            if (o >= stop) {
                exit(t, o, why);
            } else if (h >= stop) {
                exit(t, stop, why);
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
