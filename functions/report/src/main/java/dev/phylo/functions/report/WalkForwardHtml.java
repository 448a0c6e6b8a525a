package dev.phylo.functions.report;

import dev.phylo.efs.ExecutionPlan;
import java.util.List;

/**
 * The report page of a walk-forward run: the fold winners' stitched out-of-sample equity against buy-and-hold, per
 * symbol, and the per-fold table, each fold linking to its own run's report. Self-contained like {@link ReportHtml}.
 */
final class WalkForwardHtml {

    private static final String EXTRA_CSS = """
            .value { font-size: 30px; font-weight: 700; line-height: 1.15; }
            .value.ahead { color: #1a7f37; } .value.behind { color: #c62828; }
            """;

    private WalkForwardHtml() {}

    static String page(WalkForwardFile wf, ExecutionPlan execution, List<String> charts) {
        StringBuilder h = new StringBuilder(64_000);
        String title = "Phylo walk-forward run " + wf.runId();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title))
                .append("</title>\n<style>\n")
                .append(ReportHtml.CSS)
                .append(EXTRA_CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>Phylo walk-forward run <code>")
                .append(Html.escape(wf.runId()))
                .append("</code></h1>\n<div class=\"meta\">\n");
        ReportHtml.meta(h, "Symbols", String.join(", ", wf.symbols()));
        ReportHtml.meta(h, "Interval", wf.interval());
        ReportHtml.meta(h, "Folds", wf.folds().size() + (wf.anchored() ? " anchored" : " rolling"));
        ReportHtml.meta(
                h,
                "Each fold",
                "population " + Html.grouped(wf.populationSize(), 0) + ", " + wf.generations() + " generations");
        ReportHtml.meta(h, "Seed", Long.toString(wf.seed()));
        ReportHtml.meta(h, "Objective", wf.objective());
        ReportHtml.meta(
                h,
                "Execution",
                "%s, fee %s bps, slippage %s bps"
                        .formatted(
                                execution.fill(),
                                Html.fixed(execution.feeBps(), 1),
                                Html.fixed(execution.slippageBps(), 1)));
        h.append("</div>\n</header>\n");
        cards(h, wf);
        for (int i = 0; i < charts.size(); i++) {
            StitchedSymbol s = wf.stitched().get(i);
            h.append("<h2>Stitched out-of-sample equity: ")
                    .append(Html.escape(s.symbol()))
                    .append("</h2>\n<p class=\"caption\">Each fold's winner traded only on its test window (shaded, "
                            + "labelled by fold), starting flat with the equity the previous fold ended with, against "
                            + "buy-and-hold over the same windows; 1 = the initial capital.</p>\n")
                    .append(charts.get(i))
                    .append('\n');
        }
        folds(h, wf);
        stitched(h, wf);
        h.append("<div class=\"notes\">\n")
                .append("<p><b>Walk-forward.</b> The range is cut into ")
                .append(wf.folds().size() + 1)
                .append(" windows of equal time span. Fold <i>i</i> evolves a population on ")
                .append(wf.anchored() ? "every window up to window <i>i</i> (anchored)" : "window <i>i</i> (rolling)")
                .append(" and its winner, the strategy with the best in-sample fitness, is tested on window <i>i</i>+1,"
                        + " which no fold saw while evolving. Only the winners' test windows make the stitched"
                        + " history, so it is out of sample throughout. Each fold is an ordinary run with its own"
                        + " report (linked in the table), validated as any run is.</p>\n")
                .append("<p>A fold winner flagged <i>likely overfit</i> by its own validation still trades its test"
                        + " window here: the stitched history shows what following the process would have earned,"
                        + " flags and all.</p>\n</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void cards(StringBuilder h, WalkForwardFile wf) {
        boolean ahead = wf.strategyReturn() > wf.buyAndHoldReturn();
        h.append("<div class=\"cards\">\n<div class=\"card\">\n")
                .append("<div class=\"label\">Stitched out-of-sample return")
                .append(wf.symbols().size() > 1 ? " (mean over symbols)" : "")
                .append("</div>\n<div class=\"value ")
                .append(ahead ? "ahead" : "behind")
                .append("\">")
                .append(Html.percent(wf.strategyReturn(), 1))
                .append("</div>\n<p>Buy-and-hold over the same windows: <b>")
                .append(Html.percent(wf.buyAndHoldReturn(), 1))
                .append("</b>: the fold winners are ")
                .append(ahead ? "ahead" : "behind")
                .append(".</p>\n</div>\n<div class=\"card\">\n")
                .append("<div class=\"label\">Fold winners</div>\n<div class=\"value\">")
                .append(wf.folds().size() - wf.flaggedWinners())
                .append(" of ")
                .append(wf.folds().size())
                .append(" robust</div>\n<p>")
                .append(wf.flaggedWinners())
                .append(" flagged likely overfit by their fold's own validation (deflated Sharpe, out-of-sample"
                        + " Sharpe).</p>\n</div>\n</div>\n");
    }

    private static void folds(StringBuilder h, WalkForwardFile wf) {
        h.append("<h2>Folds</h2>\n<p class=\"caption\">Windows are UTC, each [from, to). Sharpe ratios, deflated "
                        + "Sharpe and returns are means over the symbols; the test return starts from the initial "
                        + "capital.</p>\n")
                .append("<table>\n<thead><tr><th>Fold</th><th class=\"text\">Train</th><th class=\"text\">Test</th>")
                .append("<th>Test bars</th><th class=\"text\">Winner</th><th>IS Sharpe</th><th>Deflated Sharpe</th>")
                .append(
                        "<th>Test Sharpe</th><th>Test return</th><th>Buy &amp; hold</th><th class=\"text\">Verdict</th>")
                .append("<th class=\"text\">Report</th></tr></thead>\n<tbody>\n");
        for (FoldRow r : wf.folds()) {
            h.append("<tr class=\"")
                    .append(r.overfit() ? "overfit" : "robust")
                    .append("\"><td>")
                    .append(r.fold())
                    .append("</td><td class=\"text\">")
                    .append(ReportHtml.instant(r.trainFrom()))
                    .append(" →<br>")
                    .append(ReportHtml.instant(r.testFrom()))
                    .append("</td><td class=\"text\">")
                    .append(ReportHtml.instant(r.testFrom()))
                    .append(" →<br>")
                    .append(ReportHtml.instant(r.testTo()))
                    .append("</td><td>")
                    .append(Html.grouped(r.testBars(), 0))
                    .append("</td><td class=\"text name\"><code>")
                    .append(ReportHtml.shortId(r.winnerId()))
                    .append("</code> ")
                    .append(Html.escape(r.winnerName()))
                    .append("<br><span class=\"risk\">")
                    .append(Html.escape(r.risk()))
                    .append("</span></td><td>")
                    .append(Html.fixed(r.inSampleSharpe(), 2))
                    .append("</td><td>")
                    .append(Html.fixed(r.deflatedSharpe(), 3))
                    .append("</td><td>")
                    .append(Html.fixed(r.outOfSampleSharpe(), 2))
                    .append("</td><td>")
                    .append(Html.percent(r.outOfSampleReturn(), 1))
                    .append("</td><td>")
                    .append(Html.percent(r.buyAndHoldReturn(), 1))
                    .append("</td><td class=\"text\"><span class=\"flag ")
                    .append(r.overfit() ? "yes\">likely overfit" : "no\">robust")
                    .append("</span></td><td class=\"text\"><a href=\"")
                    .append(Html.escape(r.report()))
                    .append("\" title=\"")
                    .append(Html.escape(r.runId()))
                    .append("\">fold ")
                    .append(r.fold())
                    .append("</a></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void stitched(StringBuilder h, WalkForwardFile wf) {
        h.append("<h2>Stitched, per symbol</h2>\n<p class=\"caption\">Over every test window. Sharpe ratios are "
                        + "annualised from the per-bar returns inside the windows.</p>\n")
                .append("<table>\n<thead><tr><th class=\"text\">Symbol</th><th>Bars</th><th>Return</th>")
                .append("<th>Buy &amp; hold</th><th>Sharpe</th><th>Buy &amp; hold Sharpe</th><th>Max DD</th>")
                .append("<th>Folds ahead of buy &amp; hold</th></tr></thead>\n<tbody>\n");
        for (StitchedSymbol s : wf.stitched()) {
            h.append("<tr><td class=\"text\">")
                    .append(Html.escape(s.symbol()))
                    .append("</td><td>")
                    .append(Html.grouped(s.bars(), 0))
                    .append("</td><td>")
                    .append(Html.percent(s.strategyReturn(), 1))
                    .append("</td><td>")
                    .append(Html.percent(s.buyAndHoldReturn(), 1))
                    .append("</td><td>")
                    .append(Html.fixed(s.strategySharpe(), 2))
                    .append("</td><td>")
                    .append(Html.fixed(s.buyAndHoldSharpe(), 2))
                    .append("</td><td>")
                    .append(Html.percent(s.maxDrawdown(), 1))
                    .append("</td><td>")
                    .append(s.foldsAheadOfBuyAndHold())
                    .append(" of ")
                    .append(wf.folds().size())
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }
}
