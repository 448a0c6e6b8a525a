package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phylo run --walk-forward 3} through the real state machine and function artifacts: the parent execution runs
 * each fold as a child execution of the same machine, and its report stitches the folds. The stitched figures are
 * checked against what each fold's own validate step wrote, computed separately: the stitched return compounds the
 * folds' out-of-sample returns, and buy-and-hold compounds the folds' buy-and-hold returns.
 */
class WalkForwardIT {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DatabaseUrl url;

    @TempDir
    Path state;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabase.newDatabase("phylo_walkforward");
    }

    @Test
    void foldsRunAsChildExecutionsAndTheReportStitchesTheirTestWindows() throws Exception {
        String text = run("wf-a");

        assertThat(text).contains("fold 1/3  wf-a-f1", "fold 2/3  wf-a-f2", "fold 3/3  wf-a-f3");
        JsonNode report = read("wf-a", "report.json");
        JsonNode folds = report.path("folds");
        assertThat(folds).hasSize(3);
        assertThat(statuses())
                .containsExactly("wf-a succeeded", "wf-a-f1 succeeded", "wf-a-f2 succeeded", "wf-a-f3 succeeded");

        // 1,600 hourly bars in 4 windows of 400: fold i trains on window i, tests on window i+1, windows abut
        for (int i = 0; i < 3; i++) {
            JsonNode fold = folds.get(i);
            JsonNode slice = read("wf-a-f" + (i + 1), "run.json").path("data").get(0);
            // hourly bar opens in [outOfSampleFrom, outOfSampleTo); the last fold ends at the last bar
            long testBars = (slice.path("outOfSampleTo").asLong()
                                    - 1
                                    - slice.path("outOfSampleFrom").asLong())
                            / 3_600_000L
                    + 1;
            assertThat(testBars).isEqualTo(400);
            assertThat(slice.path("inSampleTo").asLong())
                    .isEqualTo(slice.path("outOfSampleFrom").asLong());
            assertThat(fold.path("testBars").asInt()).isEqualTo(400);
            if (i > 0) {
                assertThat(fold.path("testFrom").asText())
                        .isEqualTo(folds.get(i - 1).path("testTo").asText());
                assertThat(fold.path("trainFrom").asText())
                        .isEqualTo(folds.get(i - 1).path("testFrom").asText());
            }
        }

        for (JsonNode stitched : report.path("stitched")) {
            String symbol = stitched.path("symbol").asText();
            double strategy = 1;
            double hold = 1;
            for (int i = 0; i < 3; i++) {
                String winner = folds.get(i).path("winnerId").asText();
                JsonNode bySymbol = winnerValidation(read("wf-a-f" + (i + 1), "validation.json"), winner)
                        .path("bySymbol")
                        .path(symbol);
                strategy *= 1 + bySymbol.path("outOfSample").path("totalReturn").asDouble();
                hold *= 1
                        + bySymbol.path("outOfSampleBenchmark")
                                .path("benchmarkReturn")
                                .asDouble();
            }
            assertThat(stitched.path("bars").asInt()).isEqualTo(1_200);
            assertThat(stitched.path("strategyReturn").asDouble()).isCloseTo(strategy - 1, within(1e-9));
            assertThat(stitched.path("buyAndHoldReturn").asDouble()).isCloseTo(hold - 1, within(1e-9));
        }
        String html = Files.readString(state.resolve("efs/runs/wf-a/report.html"));
        assertThat(html).contains("Stitched out-of-sample equity: WFA", "href=\"../wf-a-f2/report.html\"");

        // the same seed and data under another run id: the same folds, winners and figures
        run("wf-b");
        JsonNode again = read("wf-b", "report.json");
        assertThat(strip(again.path("folds"))).isEqualTo(strip(folds));
        assertThat(again.path("stitched")).isEqualTo(report.path("stitched"));
    }

    private static JsonNode winnerValidation(JsonNode validation, String id) {
        for (JsonNode s : validation.path("strategies")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("winner " + id + " is not in the fold's validation.json");
    }

    /** The fold rows without what names the run. */
    private static List<JsonNode> strip(JsonNode folds) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode f : folds) {
            Map<String, Object> row = JSON.convertValue(f, Map.class);
            row.remove("runId");
            row.remove("report");
            rows.add(JSON.valueToTree(row));
        }
        return rows;
    }

    private static List<String> statuses() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = PostgresJdbc.connect(url);
                PreparedStatement ps = c.prepareStatement("SELECT run_id, status FROM runs ORDER BY run_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }

    private JsonNode read(String runId, String file) throws Exception {
        return JSON.readTree(
                state.resolve("efs/runs").resolve(runId).resolve(file).toFile());
    }

    private String run(String runId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        RunOptions options = new RunOptions(
                ROOT,
                state,
                List.of("WFA"),
                "1h",
                null,
                null,
                1_600,
                List.of(),
                null,
                runId,
                12,
                2,
                null,
                7,
                2,
                "sharpe",
                0,
                1,
                1,
                url.toConnectionUri(),
                false,
                false,
                3,
                false);
        LocalRun.RunOutcome outcome = new LocalRun(options, print, print, LambdaFleet::new).run();
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertThat(outcome.result().succeeded()).as(text).isTrue();
        return text;
    }
}
