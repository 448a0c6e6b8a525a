package dev.phylo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code phylo backtest} with the SMA(10)/SMA(30) stop-and-reverse example on each real file in {@code ../shared/data}
 * (skipped when the folder is absent). Sanity that holds for any such system: it is in the market from its first
 * cross to the end, sides alternate, each trade enters where the previous one exited, and the figures are finite and
 * in range.
 */
class SharedDataBacktestTest {

    private static Path dataDir() {
        String property = System.getProperty("phylo.shared.dir");
        Path dir = property == null ? Path.of("../../shared/data") : Path.of(property, "data");
        return Files.isDirectory(dir) ? dir : null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"orcl-1995-2014-daily.csv", "eurusd-2017-hourly.csv", "index-2006-5min.csv"})
    void smaStopAndReverseGivesSaneFigures(String file) throws Exception {
        Path dir = dataDir();
        Assumptions.assumeTrue(dir != null, "skipped: ../shared/data not found (system property phylo.shared.dir)");
        BacktestCommandTest.Run r = BacktestCommandTest.phylo(
                "backtest",
                "--data",
                dir.resolve(file).toString(),
                "--strategy",
                "sma-cross-stop-and-reverse",
                "--fee-bps",
                "1",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode trades = root.get("trades");
        assertThat(root.get("tradeCount").asInt()).isEqualTo(trades.size()).isGreaterThan(50);
        assertThat(root.get("exposure").asDouble()).isBetween(0.9, 1.0);
        assertThat(root.get("maxDrawdown").asDouble()).isBetween(0.0, 1.0);
        assertThat(root.get("winRate").asDouble()).isBetween(0.1, 0.9);
        assertThat(Math.abs(root.get("sharpe").asDouble())).isLessThan(5);
        for (int i = 1; i < trades.size(); i++) {
            JsonNode prev = trades.get(i - 1);
            JsonNode t = trades.get(i);
            assertThat(t.get("side").asText()).isNotEqualTo(prev.get("side").asText());
            assertThat(t.get("entryTime").asText())
                    .isEqualTo(prev.get("exitTime").asText());
            assertThat(t.get("entryPrice").asDouble())
                    .isEqualTo(prev.get("exitPrice").asDouble());
            assertThat(prev.get("exitReason").asText()).isEqualTo("reverse");
        }
        assertThat(trades.get(trades.size() - 1).get("exitReason").asText()).isEqualTo("endOfData");
    }
}
