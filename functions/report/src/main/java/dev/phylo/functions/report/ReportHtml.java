package dev.phylo.functions.report;

import dev.phylo.efs.ExecutionPlan;
import dev.phylo.evolution.validation.OverfitFlag;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report page: one self-contained HTML file (inline CSS, inline SVG, no script, no external reference), so it
 * opens anywhere, offline, and can be mailed as is.
 */
final class ReportHtml {

    static final String CSS = """
            :root { --ink: #1d2430; --muted: #5b6475; --line: #d9dee7; --is: #e8f0fb; --oos: #fdf0e1; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 1180px; padding: 28px 30px 40px; color: var(--ink); background: #fff;
                   font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            h1 { font-size: 24px; margin: 0 0 6px; } h1 code { font-size: 22px; }
            h2 { font-size: 17px; margin: 28px 0 6px; }
            code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            .meta { display: flex; flex-wrap: wrap; gap: 4px 26px; margin: 10px 0 0; color: var(--muted); }
            .meta > div { white-space: nowrap; }
            .ranges { margin: 8px 0 0; color: var(--muted); } .ranges div { margin: 2px 0; }
            .meta b { color: var(--ink); font-weight: 600; }
            .cards { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 22px; }
            .card { border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; }
            .pbo .value { font-size: 40px; font-weight: 700; line-height: 1.1; }
            .pbo.good .value { color: #1a7f37; } .pbo.fair .value { color: #b35900; } .pbo.poor .value { color: #c62828; }
            .card .label { text-transform: uppercase; letter-spacing: .06em; font-size: 11px; color: var(--muted); }
            .card p { margin: 6px 0 0; }
            .caption { color: var(--muted); margin: 0 0 6px; max-width: 1000px; }
            svg.chart { display: block; width: 100%; height: auto; background: #fff; }
            svg .band.in-sample { fill: var(--is); } svg .band.out-of-sample { fill: var(--oos); }
            svg .band-label { font-size: 12px; font-style: italic; }
            svg .band-label.in-sample { fill: #2f5f9e; } svg .band-label.out-of-sample { fill: #a35a00; }
            svg .band-edge { stroke-width: 3; } svg .band-edge.in-sample { stroke: #9dbbe3; }
            svg .band-edge.out-of-sample { stroke: #efbf86; }
            svg .grid { stroke: #eceff4; stroke-width: 1; } svg .frame { fill: none; stroke: #b8c0cc; }
            svg .tick { font-size: 11px; fill: var(--muted); } svg .legend { font-size: 12px; fill: var(--ink); }
            svg .axis-label { font-size: 12px; fill: var(--muted); }
            svg .line { fill: none; stroke-width: 1.6; stroke-linejoin: round; }
            svg .line.best { stroke: #1f6fd1; } svg .marker.best { fill: #1f6fd1; }
            svg .line.median { stroke: #e07b00; } svg .marker.median { fill: #e07b00; }
            svg .line.strategy { stroke: #1a7f37; stroke-width: 1.8; } svg .line.hold { stroke: #8a93a3; }
            svg .line.drawdown { stroke: #c62828; stroke-width: 1.2; } svg .fill.drawdown { fill: #c62828; fill-opacity: .25; }
            table { border-collapse: collapse; width: 100%; margin-top: 6px; font-variant-numeric: tabular-nums; }
            th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
            th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
            td.text, th.text { text-align: left; } td.name { white-space: normal; max-width: 330px; }
            tr.overfit td { background: #fff6f6; }
            .flag { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; cursor: help; }
            .flag.yes { background: #fbe1e1; color: #a31515; } .flag.no { background: #e2f4e6; color: #1a7f37; }
            .risk { color: #57606a; font-size: 12px; }
            .flag.beta { background: #fff1d6; color: #8a5300; margin-left: 4px; }
            .notes { color: var(--muted); font-size: 12.5px; margin-top: 26px; border-top: 1px solid var(--line);
                     padding-top: 10px; } .notes p { margin: 4px 0; }
            """;

    private ReportHtml() {}

    static String page(
            ReportFile report,
            ExecutionPlan execution,
            Validation validation,
            String fitnessChart,
            String equityChart,
            String drawdownChart) {
        StringBuilder h = new StringBuilder(64_000);
        String title = "Phylo run " + report.runId();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n");
        header(h, report, execution, validation);
        cards(h, report, validation);
        DataRange first = report.ranges().get(0);
        h.append("<h2>In-sample fitness by generation</h2>\n<p class=\"caption\">Best and median fitness (")
                .append(Html.escape(report.objective()))
                .append(", mean over the symbols) of each generation's strategies, from the result files.</p>\n")
                .append(fitnessChart)
                .append('\n');
        h.append("<h2>Equity of the best strategy on ")
                .append(Html.escape(first.symbol()))
                .append("</h2>\n")
                .append("<p class=\"caption\">Strategy <code>")
                .append(Html.escape(shortId(report.bestId())))
                .append("</code> (highest in-sample fitness) in one continuous backtest over both ranges, from ")
                .append(Html.grouped(execution.initialCapital(), 0))
                .append(", against buy-and-hold (close / first close × capital). Shaded: in-sample (blue) and "
                        + "out-of-sample (orange).</p>\n")
                .append(equityChart)
                .append('\n');
        h.append("<h2>Drawdown of the best strategy</h2>\n<p class=\"caption\">Loss from the running peak of the same "
                        + "equity curve (the peak starts at the initial capital).</p>\n")
                .append(drawdownChart)
                .append('\n');
        leaderboard(h, report, validation.equivalentsSkipped());
        notes(h, validation);
        return h.append("</body>\n</html>\n").toString();
    }

    private static void header(StringBuilder h, ReportFile report, ExecutionPlan execution, Validation validation) {
        h.append("<header>\n<h1>Phylo run <code>")
                .append(Html.escape(report.runId()))
                .append("</code></h1>\n")
                .append("<div class=\"meta\">\n");
        meta(h, "Symbols", String.join(", ", report.symbols()));
        meta(h, "Interval", report.interval());
        meta(h, "Population", Html.grouped(report.populationSize(), 0));
        meta(h, "Generations", report.generations() + " of " + report.generationsPlanned() + " planned");
        meta(h, "Seed", Long.toString(report.seed()));
        meta(h, "Objective", report.objective());
        EffectiveTrials trials = validation.effectiveTrials();
        meta(
                h,
                "Trials",
                "N raw %s distinct strategies, N effective %s independent"
                        .formatted(Html.grouped(trials.raw(), 0), Html.grouped(trials.effective(), 0)));
        meta(
                h,
                "Execution",
                "%s, fee %s bps, slippage %s bps"
                        .formatted(
                                execution.fill(),
                                Html.fixed(execution.feeBps(), 1),
                                Html.fixed(execution.slippageBps(), 1)));
        h.append("</div>\n<div class=\"ranges\">\n");
        for (DataRange r : report.ranges()) {
            h.append("<div>")
                    .append(Html.escape(r.symbol()))
                    .append(" ")
                    .append(Html.escape(r.interval()))
                    .append(": in-sample <b>")
                    .append(instant(r.inSampleFirstBar()))
                    .append(" → ")
                    .append(instant(r.inSampleLastBar()))
                    .append("</b> (")
                    .append(Html.grouped(r.inSampleBars(), 0))
                    .append(" bars), out-of-sample <b>")
                    .append(instant(r.outOfSampleFirstBar()))
                    .append(" → ")
                    .append(instant(r.outOfSampleLastBar()))
                    .append("</b> (")
                    .append(Html.grouped(r.outOfSampleBars(), 0))
                    .append(" bars); first and last bar, UTC</div>\n");
        }
        h.append("</div>\n</header>\n");
    }

    private static void cards(StringBuilder h, ReportFile report, Validation validation) {
        PboEstimate pbo = report.pbo();
        String grade =
                pbo == null ? "" : pbo.probability() < 0.2 ? " good" : pbo.probability() < 0.5 ? " fair" : " poor";
        h.append("<div class=\"cards\">\n<div class=\"card pbo")
                .append(grade)
                .append("\">\n")
                .append("<div class=\"label\">Probability of backtest overfitting</div>\n<div class=\"value\">")
                .append(pbo == null ? "n/a" : Html.percent(pbo.probability(), 1))
                .append("</div>\n<p>");
        if (pbo == null) {
            h.append("Not estimable: the run's strategies form fewer than 2 independent clusters, or there are too few "
                    + "bars.");
        } else {
            h.append("In ")
                    .append(Html.percent(pbo.probability(), 1))
                    .append(" of ")
                    .append(Html.grouped(pbo.splits(), 0))
                    .append(" combinatorial splits of ")
                    .append(Html.grouped(pbo.strategies(), 0))
                    .append(" independent strategies from all generations (")
                    .append(Html.escape(String.join(", ", pbo.symbols())))
                    .append(" in-sample returns, ")
                    .append(pbo.blocks())
                    .append(" blocks), the in-sample best ranked at or below the out-of-sample median. "
                            + "Luck alone gives about 50%; lower is better, but costs lower it too (strategies that "
                            + "trade often lose in every block), so a low PBO is no edge on its own.");
        }
        h.append("</p>\n</div>\n");
        ValidatedStrategy best = validation.strategies().get(0);
        h.append("<div class=\"card\">\n<div class=\"label\">Best in-sample strategy</div>\n<p><b>")
                .append(Html.escape(best.name()))
                .append("</b> <code>")
                .append(Html.escape(shortId(best.id())))
                .append("</code></p>\n<p>Sharpe in sample <b>")
                .append(Html.fixed(best.inSampleSharpe(), 2))
                .append("</b>, out of sample <b>")
                .append(Html.fixed(best.outOfSampleSharpe(), 2))
                .append("</b>; deflated Sharpe <b>")
                .append(Html.fixed(best.deflatedSharpe(), 3))
                .append("</b>; ")
                .append(flag(best.overfit(), best.reasons()))
                .append("</p>\n<p>")
                .append(validation.flagged())
                .append(" of the top ")
                .append(validation.topK())
                .append(" are flagged as likely overfit.</p>\n")
                .append("</div>\n</div>\n");
    }

    private static void leaderboard(StringBuilder h, ReportFile report, int equivalentsSkipped) {
        h.append("<h2>Leaderboard</h2>\n<p class=\"caption\">The top ")
                .append(report.leaderboard().size())
                .append(" distinct strategies by in-sample fitness, one per behaviour")
                .append(
                        equivalentsSkipped == 0
                                ? ""
                                : " (" + equivalentsSkipped
                                        + (equivalentsSkipped == 1
                                                ? " strategy with the same in-sample results as a better-ranked one, under another id, is"
                                                : " with the same in-sample results as a better-ranked one, under other ids, are")
                                        + " left out)")
                .append(
                        report.similarSkipped() == 0
                                ? ""
                                : "; " + report.similarSkipped()
                                        + " more left out for in-sample returns that correlate "
                                        + "above " + Html.fixed(report.maxCorrelation(), 2)
                                        + " with a better-ranked one's")
                .append(". Sharpe ratios are annualised; in-sample and out-of-sample each start from the initial "
                        + "capital. Hover a flag for its reasons.</p>\n")
                .append("<table>\n<thead><tr><th>#</th><th class=\"text\">ID</th><th class=\"text\">Name</th>")
                .append("<th>Fitness</th><th>IS Sharpe</th><th>OOS Sharpe</th><th>Deflated Sharpe</th>")
                .append("<th>OOS return</th><th>OOS buy &amp; hold</th><th>OOS excess</th><th>OOS max DD</th>")
                .append("<th>OOS trades</th><th class=\"text\">Overfit</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (LeaderboardRow r : report.leaderboard()) {
            h.append("<tr class=\"")
                    .append(r.overfit() ? "overfit" : "robust")
                    .append("\" data-id=\"")
                    .append(r.id())
                    .append("\"><td>")
                    .append(r.rank())
                    .append("</td><td class=\"text\"><code>")
                    .append(shortId(r.id()))
                    .append("</code></td><td class=\"text name\">")
                    .append(Html.escape(r.name()))
                    .append("<br><span class=\"risk\">")
                    .append(Html.escape(r.risk()))
                    .append("</span></td><td>")
                    .append(Html.fixed(r.fitness(), 3))
                    .append("</td><td>")
                    .append(Html.fixed(r.inSampleSharpe(), 2))
                    .append("</td><td>")
                    .append(Html.fixed(r.outOfSampleSharpe(), 2))
                    .append("</td><td>")
                    .append(Html.fixed(r.deflatedSharpe(), 3))
                    .append("</td><td>")
                    .append(Html.percent(r.outOfSampleReturn(), 1))
                    .append("</td><td>")
                    .append(Html.percent(r.outOfSampleBuyAndHold(), 1))
                    .append("</td><td>")
                    .append(Html.percent(r.outOfSampleExcessReturn(), 1))
                    .append("</td><td>")
                    .append(Html.percent(r.outOfSampleMaxDrawdown(), 1))
                    .append("</td><td>")
                    .append(r.outOfSampleTrades())
                    .append("</td><td class=\"text\">")
                    .append(flag(r.overfit(), r.reasons()))
                    .append(r.mostlyBeta() ? BETA_FLAG : "")
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void notes(StringBuilder h, Validation validation) {
        EffectiveTrials trials = validation.effectiveTrials();
        h.append("<div class=\"notes\">\n<p><b>Independent trials.</b> ")
                .append(Html.grouped(trials.raw(), 0))
                .append(" distinct strategies were evaluated (N raw), ")
                .append(Html.grouped(trials.behaviours(), 0))
                .append(" with distinct in-sample results. ")
                .append(
                        trials.clustered() < trials.behaviours()
                                ? "An even sample of " + Html.grouped(trials.clustered(), 0) + " of them by rank was "
                                : "They were ")
                .append("clustered by the correlation of their in-sample returns (leader clustering: a strategy joins "
                        + "the best-ranked cluster leader it correlates with at ")
                .append(Html.fixed(trials.threshold(), 2))
                .append(" or more, returns summed over ")
                .append(trials.barsPerPoint())
                .append(trials.barsPerPoint() == 1 ? " bar" : " bars")
                .append(", all symbols). They form ")
                .append(Html.grouped(trials.effective(), 0))
                .append(" clusters: N effective, each represented by its best strategy; PBO compares those.</p>\n")
                .append("<p><b>Deflated Sharpe ratio</b> (Bailey &amp; López de Prado, 2014): the probability that "
                        + "the true Sharpe ratio beats SR0, the best of N unskilled trials, given the length, skewness "
                        + "and kurtosis of the in-sample returns. N counts every distinct behaviour, and V[SR] = 1/T is "
                        + "the variance of an unskilled strategy's Sharpe ratio over T returns; the spread of the "
                        + "representatives' Sharpe ratios is shown for comparison (skill widens it). ");
        for (SymbolTrials t : validation.trials()) {
            h.append(Html.escape(t.symbol()))
                    .append(": N = ")
                    .append(Html.grouped(t.trials(), 0))
                    .append(", T = ")
                    .append(Html.grouped(t.returns(), 0))
                    .append(", SR0 = ")
                    .append(Html.fixed(t.expectedMaxSharpe(), 4))
                    .append(" per bar (")
                    .append(Html.fixed(t.expectedMaxSharpe() * Math.sqrt(t.barsPerYear()), 2))
                    .append(" a year); the representatives' Sharpe ratios spread by ")
                    .append(Html.fixed(Math.sqrt(t.representativesSharpeVariance() * t.barsPerYear()), 2))
                    .append(" a year. ");
        }
        h.append("</p>\n<p><b>Overfit rule.</b> ")
                .append(Html.escape(Validator.RULE))
                .append("</p>\n")
                .append("<p><b>PBO</b> (Bailey, Borwein, López de Prado &amp; Zhu, 2015): combinatorially symmetric "
                        + "cross-validation over 16 blocks of the in-sample returns of the clusters' representatives, "
                        + "from all generations; block j of every symbol is pooled into one block. Sharpe ratio is the "
                        + "measure.</p>\n")
                .append("<p><b>Buy &amp; hold.</b> Each strategy is compared with holding the symbol over the same "
                        + "bars: the excess is its return minus buy-and-hold's. ")
                .append(BETA_FLAG)
                .append(" marks a strategy whose in-sample mean return is at least half explained by the market "
                        + "(β × the market's mean return, from the regression of its returns on buy-and-hold's; Jensen, "
                        + "1968) on at least half of the symbols: its performance is mostly beta, not skill.</p>\n"
                        + "</div>\n");
    }

    /** The mark of a strategy whose performance is mostly the market's (see the notes). */
    static final String BETA_FLAG = "<span class=\"flag beta\" title=\"in sample, the market explains at least half of "
            + "its mean return\">mostly beta</span>";

    private static String flag(boolean overfit, List<OverfitFlag.Reason> reasons) {
        String title = overfit
                ? reasons.stream().map(OverfitFlag.Reason::description).collect(Collectors.joining("; "))
                : "passes every check of the overfit rule";
        return "<span class=\"flag " + (overfit ? "yes" : "no") + "\" title=\"" + Html.escape(title) + "\">"
                + (overfit ? "likely overfit" : "robust") + "</span>";
    }

    static void meta(StringBuilder h, String label, String value) {
        h.append("<div>")
                .append(Html.escape(label))
                .append(": <b>")
                .append(Html.escape(value))
                .append("</b></div>\n");
    }

    /** {@code 2020-01-01T00:00:00Z} → {@code 2020-01-01 00:00}. */
    static String instant(String iso) {
        return iso.length() >= 16 ? iso.substring(0, 10) + " " + iso.substring(11, 16) : iso;
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
