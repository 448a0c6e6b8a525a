package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run evolves on exactly the data it names: after a run over 600 bars has stored them, a run over a 400-bar file of
 * the same symbols covers those 400 bars only, not the 600 the store holds.
 */
class DataRangeIT {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final long HOUR = 3_600_000L;
    private static DatabaseUrl url;

    @TempDir
    Path state;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabase.newDatabase("phylo_range");
    }

    @Test
    void aShorterSecondRunCoversOnlyItsOwnBars() throws Exception {
        String longer = run("range-600", 600);
        String shorter = run("range-400", 400);

        assertThat(longer).contains("range     2020-01-01T00:00:00Z → 2020-01-26T00:00:00Z (exclusive)");
        assertThat(shorter).contains("range     2020-01-01T00:00:00Z → 2020-01-17T16:00:00Z (exclusive)");
        for (JsonNode slice : plan("range-400").path("data")) {
            assertThat(bars(slice)).as("bars of %s", slice.path("symbol")).isEqualTo(400);
        }
        for (JsonNode slice : plan("range-600").path("data")) {
            assertThat(bars(slice)).as("bars of %s", slice.path("symbol")).isEqualTo(600);
        }
    }

    /** Hourly bar opens in [inSampleFrom, outOfSampleTo). */
    private static long bars(JsonNode slice) {
        long from = slice.path("inSampleFrom").asLong();
        long to = slice.path("outOfSampleTo").asLong();
        return (to - 1 - from) / HOUR + 1;
    }

    private String run(String runId, int bars) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        RunOptions options = new RunOptions(
                ROOT,
                state,
                List.of("RGA", "RGB"),
                "1h",
                null,
                null,
                bars,
                List.of(),
                null,
                runId,
                8,
                1,
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
                null,
                false);
        LocalRun.RunOutcome outcome = new LocalRun(options, print, print, LambdaFleet::new).run();
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertThat(outcome.result().succeeded()).as(text).isTrue();
        return text;
    }

    private JsonNode plan(String runId) throws Exception {
        return new ObjectMapper()
                .readTree(state.resolve("efs/runs")
                        .resolve(runId)
                        .resolve("run.json")
                        .toFile());
    }
}
