package dev.phylo.engine.metrics;

/**
 * Performance of one backtest. Ratios are plain fractions (0.12 = 12 %). A value that is undefined for the run (no
 * closed trade, no variance, no loss) is {@code null}, never a made-up 0 or infinity.
 *
 * <p>Definitions (E_t is marked-to-market equity at the close of bar t, t = 0..n-1, E_{-1} the initial capital; years
 * = (time[n-1] - time[0]) / 365.25 days):
 * <ul>
 *   <li>{@code totalReturn} = E_{n-1} / capital - 1;</li>
 *   <li>{@code cagr} = (E_{n-1} / capital)^(1/years) - 1 (-1 when equity is wiped out);</li>
 *   <li>{@code sharpe} = mean(r) / sd(r) * sqrt(barsPerYear), with r_t = E_t / E_{t-1} - 1 for t = 1..n-1 (N = n-1
 *       per-bar simple returns), sd the sample standard deviation (N-1), barsPerYear = N / years measured from the
 *       data's own span, so 24/7 and exchange calendars both come out right; no risk-free rate;</li>
 *   <li>{@code sortino} = mean(r) / sqrt(sum(min(r,0)^2) / N) * sqrt(barsPerYear) (target 0);</li>
 *   <li>{@code maxDrawdown} = max over t of 1 - E_t / max(capital, E_0..E_t): the running peak starts at the initial
 *       capital;</li>
 *   <li>{@code calmar} = cagr / maxDrawdown;</li>
 *   <li>{@code tradeCount} = closed trades, the end-of-data close included;</li>
 *   <li>{@code winRate} = trades with pnl &gt; 0 / closed trades;</li>
 *   <li>{@code profitFactor} = sum of positive pnl / |sum of negative pnl| over closed trades;</li>
 *   <li>{@code exposure} = bars with a position open at the close / n;</li>
 *   <li>{@code avgTrade}, {@code bestTrade}, {@code worstTrade} = mean, max, min of trade returns, a trade's return
 *       being its pnl net of both sides' fees over its entry notional.</li>
 * </ul>
 */
public record Metrics(
        double totalReturn,
        double cagr,
        Double sharpe,
        Double sortino,
        double maxDrawdown,
        Double calmar,
        int tradeCount,
        Double winRate,
        Double profitFactor,
        double exposure,
        Double avgTrade,
        Double bestTrade,
        Double worstTrade,
        double finalEquity,
        int bars) {}
