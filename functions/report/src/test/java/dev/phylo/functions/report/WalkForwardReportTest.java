package dev.phylo.functions.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.WalkForwardPlan;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report of a walk-forward parent, through the mock Lambda event server: two folds on one series, each an
 * ordinary run on its windows; the report stitches their test windows. Buy-and-hold's stitched return is computed here
 * from the closes themselves, and the strategy's from each fold's own validation.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class WalkForwardReportTest {

    private static final int WINDOW = 1_000;

    private EfsLayout efs;

    @BeforeEach
    void reset() {
        TestDatabase.reset();
        efs = new EfsLayout(EfsResource.root());
    }

    @Test
    void stitchesEachFoldWinnersTestWindowAgainstBuyAndHoldAndMarksTheParentSucceeded() throws Exception {
        BarSeries series = TestRuns.published(efs, BarInterval.ONE_HOUR, 3 * WINDOW);
        String parent = "wf-" + UUID.randomUUID().toString().substring(0, 8);
        // rolling: fold 1 trains on window 1 and tests on window 2, fold 2 trains on window 2 and tests on window 3
        TestRuns.Run f1 = TestRuns.finished(efs, parent + "-f1", false, series, 0, WINDOW, 2 * WINDOW, 24, 2);
        TestRuns.Run f2 = TestRuns.finished(efs, parent + "-f2", false, series, WINDOW, 2 * WINDOW, 3 * WINDOW, 24, 2);
        long[] time = series.time();
        new RunFiles(efs)
                .writeWalkForward(new WalkForwardPlan(
                        parent,
                        false,
                        List.of(
                                new WalkForwardPlan.Fold(1, f1.plan().runId(), time[0], time[WINDOW], time[2 * WINDOW]),
                                new WalkForwardPlan.Fold(
                                        2,
                                        f2.plan().runId(),
                                        time[WINDOW],
                                        time[2 * WINDOW],
                                        time[3 * WINDOW - 1] + 1))));
        TestDatabase.execute(
                "INSERT INTO runs (run_id, config, seed, status, generations_planned) "
                        + "VALUES (?, '{}'::jsonb, 7, 'running', 2)",
                parent);

        ReportSummary summary = given().contentType(ContentType.JSON)
                .body(new RunRequest(parent))
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .as(ReportSummary.class);

        Path dir = efs.runDir(parent);
        WalkForwardFile report = AtomicFiles.readJson(dir.resolve("report.json"), WalkForwardFile.class);
        assertThat(report.folds()).extracting(FoldRow::testBars).containsExactly(WINDOW, WINDOW);
        double[] close = series.close();
        double hold = close[2 * WINDOW - 1] / close[WINDOW] * (close[3 * WINDOW - 1] / close[2 * WINDOW]) - 1;
        double strategy = 1;
        for (TestRuns.Run fold : List.of(f1, f2)) {
            Validation validation =
                    AtomicFiles.readJson(efs.runDir(fold.plan().runId()).resolve("validation.json"), Validation.class);
            ValidatedStrategy best = validation.strategies().get(0); // the best by in-sample fitness
            FoldRow row = report.folds().get(fold == f1 ? 0 : 1);
            assertThat(row.winnerId()).isEqualTo(best.id());
            assertThat(row.outOfSampleSharpe()).isEqualTo(best.outOfSampleSharpe());
            strategy *= 1 + best.bySymbol().get("SYN").outOfSample().totalReturn();
        }
        StitchedSymbol stitched = report.stitched().get(0);
        assertThat(stitched.bars()).isEqualTo(2 * WINDOW);
        assertThat(stitched.buyAndHoldReturn()).isCloseTo(hold, within(1e-12));
        assertThat(stitched.strategyReturn()).isCloseTo(strategy - 1, within(1e-12));
        assertThat(summary.status()).isEqualTo("succeeded");
        assertThat(TestDatabase.query("SELECT status FROM runs WHERE run_id = ?", parent))
                .singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("succeeded"));
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("Stitched out-of-sample equity: SYN")
                .contains("href=\"../" + f2.plan().runId() + "/report.html\"")
                .doesNotContain("NaN")
                .doesNotContain("<script")
                .doesNotContain("http");
        assertThat(html.split("<svg", -1)).hasSize(2); // one chart per symbol
    }
}
