package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code phylo run} and {@code phylo report} print a walk-forward run's folds, not an empty leaderboard. */
class LeaderboardTest {

    private static final String WALK_FORWARD = """
            {"runId": "wf-1", "anchored": true,
             "folds": [{"fold": 1, "runId": "wf-1-f1", "trainFrom": "2020-01-01T00:00:00Z",
                        "testFrom": "2020-03-01T00:00:00Z", "testTo": "2020-05-01T00:00:00Z", "testBars": 1464,
                        "winnerId": "0123456789abcdef0123456789abcdef", "winnerName": "maCross sma(10)/sma(30) long",
                        "risk": "no stops", "inSampleSharpe": 1.5, "outOfSampleSharpe": null, "deflatedSharpe": 0.42,
                        "outOfSampleReturn": -0.0125, "buyAndHoldReturn": 0.031, "overfit": true,
                        "report": "../wf-1-f1/report.html"}],
             "stitched": [{"symbol": "SYN", "bars": 1464, "strategyReturn": -0.0125, "buyAndHoldReturn": 0.031,
                           "strategySharpe": -0.2, "buyAndHoldSharpe": 0.9, "maxDrawdown": 0.05,
                           "foldsAheadOfBuyAndHold": 0}]}
            """;

    @Test
    void aWalkForwardReportPrintsItsFoldsAndTheStitchedLine() throws Exception {
        JsonNode report = new ObjectMapper().readTree(WALK_FORWARD);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Leaderboard.show(report, Path.of("runs/wf-1"), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("Walk-forward  wf-1  (1 anchored folds")
                .containsPattern(
                        "   1  2020-01-01  2020-03-01  2020-05-01  01234567  maCross sma\\(10\\)/sma\\(30\\) long +"
                                + "1\\.500 +0\\.420 +n/a +-1\\.25% +3\\.10%  yes")
                .contains("Stitched  SYN: 1,464 out-of-sample bars, return -1.25% (Sharpe -0.200, max DD 5.00%) against"
                        + " buy and hold 3.10% (Sharpe 0.900); ahead of buy and hold in 0 of 1 folds")
                .contains("Report    runs/wf-1/report.html")
                .doesNotContain("Leaderboard");
    }
}
