package dev.phylo.functions.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.StrategyResult;
import dev.phylo.evolution.GenerationSummary;
import dev.phylo.evolution.Generations;
import dev.phylo.evolution.SeriesSlices;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.FunctionError;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class ReportFunctionTest {

    private EfsLayout efs;

    @BeforeEach
    void reset() {
        TestDatabase.reset();
        efs = new EfsLayout(EfsResource.root());
    }

    @Test
    void writesASelfContainedPageWithThreeChartsAndTheLeaderboard() throws Exception {
        TestRuns.Run run = TestRuns.finished(efs, "report", true);
        List<StrategyResult> fittest = ValidateFunctionTest.onePerBehaviour(ValidateFunctionTest.fittestFirst(run));

        ReportSummary summary =
                report(run.plan().runId()).then().statusCode(200).extract().as(ReportSummary.class);

        Path dir = efs.runDir(run.plan().runId());
        assertThat(summary.html()).isEqualTo(dir.resolve("report.html").toString());
        assertThat(summary.json()).isEqualTo(dir.resolve("report.json").toString());
        assertThat(summary.generations()).isEqualTo(2);
        assertThat(summary.bestId()).isEqualTo(fittest.get(0).id());
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(count(html, "<svg")).isEqualTo(3);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<style>")
                .contains(run.plan().runId())
                .contains("in-sample")
                .contains("out-of-sample")
                .contains("Probability of backtest overfitting")
                .contains("N effective")
                .contains("OOS buy &amp; hold")
                .doesNotContain("http")
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("NaN");
        // the leaderboard validate chose (ValidateFunctionTest checks that choice), in its order
        List<String> leaderboard =
                AtomicFiles.readJson(dir.resolve("validation.json"), Validation.class).strategies().stream()
                        .map(ValidatedStrategy::id)
                        .toList();
        assertThat(leaderboard).hasSize(10);
        assertThat(fittest.stream().map(StrategyResult::id)).containsAll(leaderboard);
        List<String> rows = matches(html, "<tr class=\"(?:overfit|robust)\" data-id=\"([0-9a-f]{32})\">");
        assertThat(rows).containsExactlyElementsOf(leaderboard);
        for (String id : leaderboard) {
            assertThat(html).contains("<code>" + id.substring(0, 8) + "</code>");
        }
        assertThat(matches(html, "class=\"flag (yes|no)\" title=\"([^\"]+)\"")).hasSizeGreaterThanOrEqualTo(10);
        // every path of every chart has coordinates
        assertThat(html).doesNotContain("d=\"\"");
    }

    @Test
    void reportJsonHoldsTheSameNumbers() {
        TestRuns.Run run = TestRuns.finished(efs, "report", true);

        report(run.plan().runId()).then().statusCode(200);

        Path dir = efs.runDir(run.plan().runId());
        ReportFile report = AtomicFiles.readJson(dir.resolve("report.json"), ReportFile.class);
        Validation validation = AtomicFiles.readJson(dir.resolve("validation.json"), Validation.class);
        assertThat(report.generations()).isEqualTo(2);
        for (int g = 0; g < 2; g++) {
            GenerationSummary expected = Generations.summarize(
                    run.populations().get(g), run.results().get(g));
            assertThat(report.fitnessByGeneration().get(g))
                    .isEqualTo(new GenerationPoint(
                            g, expected.count(), expected.bestId(), expected.bestFitness(), expected.medianFitness()));
        }
        assertThat(report.leaderboard()).hasSize(10);
        assertThat(report.leaderboard())
                .extracting(LeaderboardRow::id)
                .containsExactlyElementsOf(validation.strategies().stream()
                        .map(ValidatedStrategy::id)
                        .toList());
        LeaderboardRow first = report.leaderboard().get(0);
        SymbolValidation syn = validation.strategies().get(0).bySymbol().get("SYN");
        assertThat(first.outOfSampleReturn()).isEqualTo(syn.outOfSample().totalReturn());
        assertThat(first.outOfSampleMaxDrawdown()).isEqualTo(syn.outOfSample().maxDrawdown());
        assertThat(first.outOfSampleTrades()).isEqualTo(syn.outOfSample().tradeCount());
        double[] close = SeriesSlices.outOfSample(run.series(), run.slice()).close();
        assertThat(first.outOfSampleBuyAndHold()).isCloseTo(close[close.length - 1] / close[0] - 1, within(1e-9));
        assertThat(first.outOfSampleExcessReturn())
                .isCloseTo(syn.outOfSample().totalReturn() - first.outOfSampleBuyAndHold(), within(1e-9));
        assertThat(report.pbo()).isEqualTo(validation.pbo());
        assertThat(report.effectiveTrials()).isEqualTo(validation.effectiveTrials());
        assertThat(report.similarSkipped()).isEqualTo(validation.similarSkipped());
        assertThat(report.maxCorrelation()).isEqualTo(0.9);
        // the ranges: 70 / 30 of the bars, the in-sample last bar just before the out-of-sample first one
        DataRange range = report.ranges().get(0);
        long[] t = run.series().time();
        int in = TestRuns.BARS * 7 / 10;
        assertThat(range.inSampleBars()).isEqualTo(in);
        assertThat(range.outOfSampleBars()).isEqualTo(TestRuns.BARS - in);
        assertThat(range.inSampleFirstBar())
                .isEqualTo(java.time.Instant.ofEpochMilli(t[0]).toString());
        assertThat(range.inSampleLastBar())
                .isEqualTo(java.time.Instant.ofEpochMilli(t[in - 1]).toString());
        assertThat(range.outOfSampleFirstBar())
                .isEqualTo(java.time.Instant.ofEpochMilli(t[in]).toString());
        assertThat(range.outOfSampleLastBar())
                .isEqualTo(java.time.Instant.ofEpochMilli(t[t.length - 1]).toString());
        assertThat(report.paths())
                .isEqualTo(new ReportPaths(
                        "runs/" + run.plan().runId() + "/report.html",
                        "runs/" + run.plan().runId() + "/report.json",
                        "runs/" + run.plan().runId() + "/validation.json"));
    }

    @Test
    void marksTheRunSucceeded() {
        TestRuns.Run run = TestRuns.finished(efs, "report", true);

        ReportSummary summary =
                report(run.plan().runId()).then().statusCode(200).extract().as(ReportSummary.class);

        Map<String, Object> row = TestDatabase.query(
                        "SELECT status, error, finished_at FROM runs WHERE run_id = ?",
                        run.plan().runId())
                .get(0);
        assertThat(row.get("status")).isEqualTo("succeeded");
        assertThat(row.get("error")).isNull();
        assertThat(row.get("finished_at")).isNotNull();
        assertThat(summary.status()).isEqualTo("succeeded");
    }

    @Test
    void replayedReportRewritesNothing() throws Exception {
        TestRuns.Run run = TestRuns.finished(efs, "report", true);
        ReportSummary first =
                report(run.plan().runId()).then().statusCode(200).extract().as(ReportSummary.class);
        Path dir = efs.runDir(run.plan().runId());
        byte[] html = Files.readAllBytes(dir.resolve("report.html"));
        byte[] json = Files.readAllBytes(dir.resolve("report.json"));
        var modified = Files.getLastModifiedTime(dir.resolve("report.html"));
        String digest = TestDatabase.tableDigest("runs");

        ReportSummary again =
                report(run.plan().runId()).then().statusCode(200).extract().as(ReportSummary.class);

        assertThat(again).isEqualTo(first);
        assertThat(Files.readAllBytes(dir.resolve("report.html"))).isEqualTo(html);
        assertThat(Files.readAllBytes(dir.resolve("report.json"))).isEqualTo(json);
        assertThat(Files.getLastModifiedTime(dir.resolve("report.html"))).isEqualTo(modified);
        assertThat(TestDatabase.tableDigest("runs")).isEqualTo(digest);
    }

    @Test
    void aRunMarkedFailedIsNotMadeSucceededByALateReport() {
        TestRuns.Run run = TestRuns.finished(efs, "report", true);
        TestDatabase.execute(
                "UPDATE runs SET status = 'failed', error = 'Execution TIMED_OUT' WHERE run_id = ?",
                run.plan().runId());

        Response response = report(run.plan().runId());

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString()).contains("has ended failed").contains("Execution TIMED_OUT");
        assertThat(TestDatabase.query(
                                "SELECT status FROM runs WHERE run_id = ?",
                                run.plan().runId())
                        .get(0)
                        .get("status"))
                .isEqualTo("failed");
    }

    @Test
    void runWithoutARowFailsAskingToSeedItFirst() {
        TestRuns.Run run = TestRuns.finished(efs, "report", false);

        Response response = report(run.plan().runId());

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString()).contains(run.plan().runId()).contains("seed it first");
    }

    @Test
    void anInvalidOrUnknownRunIsABadRequest() {
        for (Response response : List.of(report("Not A Run"), report("never-seeded"))) {
            String body = response.asString();
            assertThat(response.statusCode()).as(body).isNotEqualTo(200);
            assertThat(FunctionError.of(body).thrownType()).as(body).isEqualTo(InvalidRequestException.ERROR_TYPE);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> matches(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Response report(String runId) {
        return given().contentType(ContentType.JSON)
                .body(new RunRequest(runId))
                .when()
                .post();
    }
}
