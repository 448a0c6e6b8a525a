package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** Prints a run's leaderboard from its {@code report.json} (what the report function wrote on EFS). */
final class Leaderboard {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Leaderboard() {}

    static JsonNode read(Path runDir) throws IOException {
        Path file = runDir.resolve("report.json");
        if (!file.toFile().isFile()) {
            throw new IllegalStateException("no report for this run: " + file + " is missing (did the run finish?)");
        }
        return JSON.readTree(file.toFile());
    }

    static void print(JsonNode report, Path runDir, PrintStream out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "Leaderboard  %s  (top %d by in-sample fitness, one per behaviour; Sharpe annualised; "
                        + "OOS = out of sample)%n",
                report.path("runId").asText(),
                report.path("leaderboard").size());
        out.printf(
                Locale.ROOT,
                "%4s  %-8s  %-84s %8s %8s %8s %9s %9s %8s %7s  %s%n",
                "rank",
                "id",
                "strategy",
                "IS Shrp",
                "OOS Shrp",
                "defl.SR",
                "OOS ret",
                "OOS B&H",
                "OOS DD",
                "trades",
                "overfit?");
        for (JsonNode row : report.path("leaderboard")) {
            String name = row.path("name").asText()
                    + (row.path("risk").isTextual() ? "; " + row.path("risk").asText() : "");
            out.printf(
                    Locale.ROOT,
                    "%4d  %-8s  %-84s %8s %8s %8s %8.2f%% %9s %7.2f%% %7d  %s%s%n",
                    row.path("rank").asInt(),
                    row.path("id").asText().substring(0, 8),
                    name.length() > 84 ? name.substring(0, 83) + "…" : name,
                    num(row.path("inSampleSharpe")),
                    num(row.path("outOfSampleSharpe")),
                    num(row.path("deflatedSharpe")),
                    row.path("outOfSampleReturn").asDouble() * 100,
                    percent(row.path("outOfSampleBuyAndHold")),
                    row.path("outOfSampleMaxDrawdown").asDouble() * 100,
                    row.path("outOfSampleTrades").asInt(),
                    row.path("overfit").asBoolean() ? "yes: " + reasons(row.path("reasons")) : "no",
                    row.path("mostlyBeta").asBoolean() ? "; mostly beta" : "");
        }
        JsonNode trials = report.path("effectiveTrials");
        if (trials.isObject()) {
            out.printf(
                    Locale.ROOT,
                    "Trials    %,d distinct strategies (N raw), %,d independent (N effective: clusters of in-sample "
                            + "returns correlated at %.2f or more)%n",
                    trials.path("raw").asLong(),
                    trials.path("effective").asInt(),
                    trials.path("threshold").asDouble());
        }
        JsonNode pbo = report.path("pbo");
        if (pbo.isObject()) {
            out.printf(
                    Locale.ROOT,
                    "Probability of backtest overfitting (CSCV, %d blocks, the %,d clusters' best of all generations): "
                            + "%.2f%n",
                    pbo.path("blocks").asInt(),
                    pbo.path("strategies").asInt(),
                    pbo.path("probability").asDouble());
        }
        int skipped = report.path("equivalentsSkipped").asInt(0);
        if (skipped > 0) {
            out.printf(
                    Locale.ROOT,
                    "Left out  %d %s with the same in-sample results as a better-ranked one "
                            + "(other ids, the same trades)%n",
                    skipped,
                    skipped == 1 ? "strategy" : "strategies");
        }
        int similar = report.path("similarSkipped").asInt(0);
        if (similar > 0) {
            out.printf(
                    Locale.ROOT,
                    "Left out  %d %s whose in-sample returns correlate above %.2f with a better-ranked one's%n",
                    similar,
                    similar == 1 ? "strategy" : "strategies",
                    report.path("maxCorrelation").asDouble());
        }
        out.println(
                "Overfit?  DSR = deflated Sharpe below 0.95; OOS<=0 = no out-of-sample edge; OOS<IS/2 = out-of-sample"
                        + " Sharpe under half the in-sample one");
        out.println(
                "B&H       buy and hold over the same out-of-sample bars; mostly beta = in sample the market explains"
                        + " at least half of the strategy's mean return");
        out.println("Report    " + runDir.resolve("report.html"));
    }

    /** The leaderboard of an ordinary run, the folds and stitched results of a walk-forward one. */
    static void show(JsonNode report, Path runDir, PrintStream out) {
        if (isWalkForward(report)) {
            printWalkForward(report, runDir, out);
        } else {
            print(report, runDir, out);
        }
    }

    /** A walk-forward run's report: folds and stitched results instead of a leaderboard. */
    static boolean isWalkForward(JsonNode report) {
        return report.path("folds").isArray() && report.path("stitched").isArray();
    }

    /** The per-fold table and the stitched out-of-sample results of a walk-forward run. */
    static void printWalkForward(JsonNode report, Path runDir, PrintStream out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "Walk-forward  %s  (%d %s folds; each fold's winner is its best by in-sample fitness, tested on the"
                        + " next window; Sharpe annualised)%n",
                report.path("runId").asText(),
                report.path("folds").size(),
                report.path("anchored").asBoolean() ? "anchored" : "rolling");
        out.printf(
                Locale.ROOT,
                "%4s  %-10s  %-10s  %-10s  %-8s  %-48s %8s %8s %8s %9s %9s  %s%n",
                "fold",
                "train from",
                "test from",
                "test to",
                "winner",
                "strategy",
                "IS Shrp",
                "defl.SR",
                "OOS Shrp",
                "OOS ret",
                "B&H",
                "overfit?");
        for (JsonNode f : report.path("folds")) {
            String name = f.path("winnerName").asText();
            out.printf(
                    Locale.ROOT,
                    "%4d  %-10s  %-10s  %-10s  %-8s  %-48s %8s %8s %8s %8.2f%% %8.2f%%  %s%n",
                    f.path("fold").asInt(),
                    f.path("trainFrom").asText().substring(0, 10),
                    f.path("testFrom").asText().substring(0, 10),
                    f.path("testTo").asText().substring(0, 10),
                    f.path("winnerId").asText().substring(0, 8),
                    name.length() > 48 ? name.substring(0, 47) + "…" : name,
                    num(f.path("inSampleSharpe")),
                    num(f.path("deflatedSharpe")),
                    num(f.path("outOfSampleSharpe")),
                    f.path("outOfSampleReturn").asDouble() * 100,
                    f.path("buyAndHoldReturn").asDouble() * 100,
                    f.path("overfit").asBoolean() ? "yes" : "no");
        }
        for (JsonNode s : report.path("stitched")) {
            out.printf(
                    Locale.ROOT,
                    "Stitched  %s: %,d out-of-sample bars, return %.2f%% (Sharpe %s, max DD %.2f%%) against buy and"
                            + " hold %.2f%% (Sharpe %s); ahead of buy and hold in %d of %d folds%n",
                    s.path("symbol").asText(),
                    s.path("bars").asInt(),
                    s.path("strategyReturn").asDouble() * 100,
                    num(s.path("strategySharpe")),
                    s.path("maxDrawdown").asDouble() * 100,
                    s.path("buyAndHoldReturn").asDouble() * 100,
                    num(s.path("buyAndHoldSharpe")),
                    s.path("foldsAheadOfBuyAndHold").asInt(),
                    report.path("folds").size());
        }
        out.println("Folds     each fold is a run of its own: phylo report <fold run id>, or the links in the report");
        out.println("Report    " + runDir.resolve("report.html"));
    }

    /** The overfit rule's reasons, short: DSR (deflated Sharpe < 0.95), OOS<=0, OOS<IS/2. */
    private static String reasons(JsonNode reasons) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode r : reasons) {
            String code = switch (r.asText()) {
                case "LOW_DEFLATED_SHARPE" -> "DSR";
                case "OUT_OF_SAMPLE_NOT_POSITIVE" -> "OOS<=0";
                case "OUT_OF_SAMPLE_BELOW_HALF" -> "OOS<IS/2";
                default -> r.asText();
            };
            sb.append(sb.length() == 0 ? "" : ",").append(code);
        }
        return sb.toString();
    }

    private static String percent(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode()
                ? "n/a"
                : String.format(Locale.ROOT, "%.2f%%", v.asDouble() * 100);
    }

    private static String num(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? "n/a" : String.format(Locale.ROOT, "%.3f", v.asDouble());
    }
}
