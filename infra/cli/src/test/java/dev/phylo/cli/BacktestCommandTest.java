package dev.phylo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest command end to end: synthetic data written by {@code synth}, read back, reported. */
class BacktestCommandTest {

    record Run(int code, String out, String err) {}

    static Run phylo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Phylo.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Path synth(Path dir) {
        Path csv = dir.resolve("synth.csv");
        Run r = phylo("synth", "--out", csv.toString(), "--bars", "3000", "--interval", "1h", "--seed", "9");
        assertThat(r.code()).as(r.err()).isZero();
        return csv;
    }

    @Test
    void jsonOutputHasExactlyTheDocumentedKeys(@TempDir Path dir) throws Exception {
        Path csv = synth(dir);
        Run r = phylo(
                "backtest",
                "--data",
                csv.toString(),
                "--strategy",
                "sma-cross-stop-and-reverse",
                "--json",
                "--fee-bps",
                "2",
                "--slippage-bps",
                "1");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(names(root))
                .containsExactly(
                        "totalReturn",
                        "cagr",
                        "sharpe",
                        "sortino",
                        "maxDrawdown",
                        "calmar",
                        "tradeCount",
                        "winRate",
                        "profitFactor",
                        "exposure",
                        "trades");
        assertThat(root.get("trades").size())
                .isEqualTo(root.get("tradeCount").asInt())
                .isGreaterThan(10);
        assertThat(names(root.get("trades").get(0)))
                .containsExactly("side", "entryTime", "entryPrice", "exitTime", "exitPrice", "returnPct", "exitReason");
        JsonNode last = root.get("trades").get(root.get("trades").size() - 1);
        assertThat(last.get("exitReason").asText()).isEqualTo("endOfData");
    }

    @Test
    void readableReportShowsMetricsAndTrades(@TempDir Path dir) {
        Path csv = synth(dir);
        Run r = phylo("backtest", "--data", csv.toString(), "--strategy", "rsi-mean-reversion", "--fill", "close");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("SYNTH 1h, 3,000 bars")
                .contains("Sharpe")
                .contains("Max drawdown")
                .contains("fill at close")
                .contains("exit reason");
    }

    @Test
    void badRowFailsWithFileLineFieldAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(
                csv, "Date,Open,High,Low,Close,Volume\n2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,NaN,10\n");
        Run r = phylo("backtest", "--data", csv.toString(), "--strategy", "rsi-mean-reversion");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("bad.csv line 3").contains("Close").doesNotContain("\tat ");
        Run debug = phylo("backtest", "--data", csv.toString(), "--strategy", "rsi-mean-reversion", "--debug");
        assertThat(debug.err()).contains("\tat ");
    }

    @Test
    void unknownStrategyAndBadOptionsAreClearErrors(@TempDir Path dir) {
        Path csv = synth(dir);
        Run unknown = phylo("backtest", "--data", csv.toString(), "--strategy", "nope");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("'nope' is neither a readable file nor an example");
        Run fill = phylo("backtest", "--data", csv.toString(), "--strategy", "rsi-mean-reversion", "--fill", "soon");
        assertThat(fill.err()).contains("--fill must be next-open or close");
        Run missing = phylo("backtest", "--strategy", "rsi-mean-reversion");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--data");
    }

    @Test
    void strategyFileWithATypoIsRejectedWithItsPath(@TempDir Path dir) throws Exception {
        Path csv = synth(dir);
        Path spec = dir.resolve("s.json");
        Files.writeString(
                spec, "{\"version\":1,\"direction\":\"long\",\"long\":{\"entry\":\"rsi(14) < 30\",\"exti\":\"x\"}}");
        Run r = phylo("backtest", "--data", csv.toString(), "--strategy", spec.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("s.json").contains("$.long: unknown key \"exti\"");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
