package dev.phylo.engine.metrics;

/**
 * Accumulates what {@link Metrics} needs in a single pass, with no allocation: running sums of per-bar returns,
 * the drawdown peak and the closed-trade tallies. Bars at which equity did not change may be skipped: their return is
 * 0, which adds nothing to any sum (the return count is the number of bars minus one).
 */
public final class EquityStats {
    private static final double YEAR_MILLIS = 365.25 * 24 * 3600 * 1000;

    private final double capital;
    private double last;
    private double peak;
    private double maxDrawdown;
    private double sumR;
    private double sumR2;
    private double sumDown2;
    private int exposureBars;
    private int trades;
    private int wins;
    private double grossProfit;
    private double grossLoss;
    private double sumTradeReturn;
    private double bestTrade = Double.NEGATIVE_INFINITY;
    private double worstTrade = Double.POSITIVE_INFINITY;
    private boolean started;

    public EquityStats(double capital) {
        this.capital = capital;
        this.last = capital;
        this.peak = capital;
    }

    /** Equity at the close of a bar. The first bar's value anchors returns and adds none. */
    public void onBar(double equity) {
        if (started) {
            double r = equity / last - 1.0;
            sumR += r;
            sumR2 += r * r;
            if (r < 0) {
                sumDown2 += r * r;
            }
        }
        started = true;
        last = equity;
        if (equity > peak) {
            peak = equity;
        } else {
            double dd = 1.0 - equity / peak;
            if (dd > maxDrawdown) {
                maxDrawdown = dd;
            }
        }
    }

    /**
     * A position of {@code units} (negative for a short) held with {@code cash} through bars {@code [from, to)}:
     * equity {@code cash + units * price[t]} at each close, accumulated as {@code onBar} and {@code onExposedBar}
     * would, in one tight loop. Also writes those equities to {@code curve} when it is not null.
     */
    public void onHeld(double cash, double units, double[] price, int from, int to, double[] curve) {
        if (from >= to) {
            return;
        }
        int t = from;
        if (!started) {
            onBar(cash + units * price[t]);
            t++;
        }
        double l = last;
        double pk = peak;
        double invPeak = 1.0 / pk;
        double mdd = maxDrawdown;
        double s1 = sumR;
        double s2 = sumR2;
        double d2 = sumDown2;
        for (; t < to; t++) {
            double e = cash + units * price[t];
            double r = e / l - 1.0;
            s1 += r;
            s2 += r * r;
            double down = Math.min(r, 0.0);
            d2 += down * down;
            if (e > pk) {
                pk = e;
                invPeak = 1.0 / pk;
            }
            mdd = Math.max(mdd, 1.0 - e * invPeak);
            l = e;
        }
        last = l;
        peak = pk;
        maxDrawdown = mdd;
        sumR = s1;
        sumR2 = s2;
        sumDown2 = d2;
        exposureBars += to - from;
        if (curve != null) {
            for (int i = from; i < to; i++) {
                curve[i] = cash + units * price[i];
            }
        }
    }

    /** Marks the first bar as seen when its equity is the initial capital (a skipped, flat first bar). */
    public void anchor() {
        started = true;
    }

    public void onExposedBar() {
        exposureBars++;
    }

    public void onTrade(double pnl, double tradeReturn) {
        trades++;
        if (pnl > 0) {
            wins++;
            grossProfit += pnl;
        } else if (pnl < 0) {
            grossLoss -= pnl;
        }
        sumTradeReturn += tradeReturn;
        bestTrade = Math.max(bestTrade, tradeReturn);
        worstTrade = Math.min(worstTrade, tradeReturn);
    }

    public double equity() {
        return last;
    }

    public int trades() {
        return trades;
    }

    /** The metrics of a run over {@code bars} bars spanning {@code firstTime..lastTime} (epoch ms). */
    public Metrics finish(int bars, long firstTime, long lastTime) {
        double total = last / capital - 1.0;
        double years = (lastTime - firstTime) / YEAR_MILLIS;
        int n = bars - 1;
        Double sharpe = null;
        Double sortino = null;
        double cagr = Double.NaN;
        if (years > 0 && n > 1) {
            double barsPerYear = n / years;
            double mean = sumR / n;
            double var = (sumR2 - sumR * mean) / (n - 1);
            if (var > 0) {
                sharpe = mean / Math.sqrt(var) * Math.sqrt(barsPerYear);
            }
            if (sumDown2 > 0) {
                sortino = mean / Math.sqrt(sumDown2 / n) * Math.sqrt(barsPerYear);
            }
            cagr = last <= 0 ? -1.0 : Math.pow(last / capital, 1.0 / years) - 1.0;
        }
        Double calmar = maxDrawdown > 0 && !Double.isNaN(cagr) ? cagr / maxDrawdown : null;
        return new Metrics(
                total,
                Double.isNaN(cagr) ? 0.0 : cagr,
                sharpe,
                sortino,
                maxDrawdown,
                calmar,
                trades,
                trades > 0 ? (double) wins / trades : null,
                grossLoss > 0 ? grossProfit / grossLoss : null,
                bars > 0 ? (double) exposureBars / bars : 0.0,
                trades > 0 ? sumTradeReturn / trades : null,
                trades > 0 ? bestTrade : null,
                trades > 0 ? worstTrade : null,
                last,
                bars);
    }
}
