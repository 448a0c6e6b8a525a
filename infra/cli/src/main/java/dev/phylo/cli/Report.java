package dev.phylo.cli;

import dev.phylo.engine.backtest.BacktestResult;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.backtest.Trade;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The human-readable output of {@code phylo backtest}: data, strategy, metrics and a trade table. */
final class Report {
    static final int MAX_TRADES_SHOWN = 40;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Report() {}

    static void print(
            PrintWriter out, BarSeries s, StrategySpec spec, ExecutionConfig exec, BacktestResult r, int dropped) {
        long[] t = s.time();
        out.printf(
                "Data      %s %s, %,d bars, %s .. %s%s%n",
                s.symbol(),
                s.interval(),
                s.size(),
                time(t[0]),
                time(t[s.size() - 1]),
                dropped > 0 ? " (%d bad rows dropped)".formatted(dropped) : "");
        out.printf(
                "Strategy  %s (%s)%n",
                spec.name().isEmpty() ? "(unnamed)" : spec.name(),
                spec.direction().id());
        out.printf(
                "Execution fill at %s, fee %s bps, slippage %s bps, capital %,.2f%n",
                exec.fill() == dev.phylo.engine.backtest.Fill.NEXT_OPEN ? "next open" : "close",
                num(exec.feeBps()),
                num(exec.slippageBps()),
                exec.initialCapital());
        Metrics m = r.metrics();
        out.println();
        row(out, "Total return", pct(m.totalReturn()), "Final equity", "%,.2f".formatted(m.finalEquity()));
        row(out, "CAGR", pct(m.cagr()), "Max drawdown", pct(m.maxDrawdown()));
        row(out, "Sharpe", ratio(m.sharpe()), "Sortino", ratio(m.sortino()));
        row(out, "Calmar", ratio(m.calmar()), "Exposure", pct(m.exposure()));
        row(
                out,
                "Trades",
                Integer.toString(m.tradeCount()),
                "Win rate",
                m.winRate() == null ? "n/a" : pct(m.winRate()));
        row(
                out,
                "Profit factor",
                ratio(m.profitFactor()),
                "Avg trade",
                m.avgTrade() == null ? "n/a" : pct(m.avgTrade()));
        row(
                out,
                "Best trade",
                m.bestTrade() == null ? "n/a" : pct(m.bestTrade()),
                "Worst trade",
                m.worstTrade() == null ? "n/a" : pct(m.worstTrade()));
        List<Trade> trades = r.trades();
        if (trades.isEmpty()) {
            out.println();
            out.println("No trades.");
            return;
        }
        out.println();
        out.printf(
                "%4s  %-5s  %-16s  %12s  %-16s  %12s  %8s  %s%n",
                "#", "side", "entry", "price", "exit", "price", "return", "exit reason");
        int shown = Math.min(trades.size(), MAX_TRADES_SHOWN);
        int skip = trades.size() - shown;
        for (int i = 0; i < trades.size(); i++) {
            if (i == shown / 2 && skip > 0) {
                out.printf("  ... %d more trades (use --json for all) ...%n", skip);
                i += skip - 1;
                continue;
            }
            Trade x = trades.get(i);
            out.printf(
                    "%4d  %-5s  %-16s  %12s  %-16s  %12s  %8s  %s%n",
                    i + 1,
                    x.sideName(),
                    time(x.entryTime()),
                    price(x.entryPrice()),
                    time(x.exitTime()),
                    price(x.exitPrice()),
                    pct(x.returnPct()),
                    x.exitReason().id());
        }
    }

    private static void row(PrintWriter out, String k1, String v1, String k2, String v2) {
        out.printf("  %-14s %12s     %-14s %12s%n", k1, v1, k2, v2);
    }

    private static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis));
    }

    private static String pct(double v) {
        return "%.2f%%".formatted(v * 100);
    }

    private static String ratio(Double v) {
        return v == null ? "n/a" : "%.3f".formatted(v);
    }

    private static String price(double v) {
        return Math.abs(v) < 10 ? "%.5f".formatted(v) : "%.4f".formatted(v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
