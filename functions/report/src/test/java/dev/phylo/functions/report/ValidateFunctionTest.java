package dev.phylo.functions.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.Individual;
import dev.phylo.efs.StrategyResult;
import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.evolution.PlanTerms;
import dev.phylo.evolution.SeriesSlices;
import dev.phylo.evolution.validation.DeflatedSharpe;
import dev.phylo.evolution.validation.ReturnMoments;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.FunctionError;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ValidateFunctionTest.ExportValidate.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class ValidateFunctionTest {

    /** The same app, deployed as the validate function. */
    public static final class ExportValidate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "validate");
        }
    }

    private static final int TOP_K = 10; // phylo.validate.top-k's default

    private EfsLayout efs;

    @BeforeEach
    void reset() {
        TestDatabase.reset();
        efs = new EfsLayout(EfsResource.root());
    }

    @Test
    void topKAreTheFittestDistinctStrategiesOfAllGenerations() {
        TestRuns.Run run = TestRuns.finished(efs, "validate", true);
        List<StrategyResult> all = fittestFirst(run);
        // one per behaviour, and none whose in-sample returns correlate above 0.9 with a better-ranked one's
        List<StrategyResult> expected = leaderboard(run, SeriesSlices.inSample(run.series(), run.slice()), TOP_K);

        ValidationSummary summary =
                validate(run.plan().runId()).then().statusCode(200).extract().as(ValidationSummary.class);

        Validation validation = AtomicFiles.readJson(validationFile(run), Validation.class);
        assertThat(summary.topK()).isEqualTo(TOP_K);
        assertThat(summary.strategiesEvaluated())
                .as("N counts every distinct id")
                .isEqualTo(all.size());
        assertThat(validation.strategies())
                .extracting(ValidatedStrategy::id)
                .containsExactlyElementsOf(
                        expected.stream().map(StrategyResult::id).toList());
        assertThat(validation.strategies())
                .extracting(ValidatedStrategy::fitness)
                .containsExactlyElementsOf(
                        expected.stream().map(StrategyResult::fitness).toList());
        assertThat(validation.strategies())
                .extracting(ValidatedStrategy::rank)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(summary.best().id()).isEqualTo(expected.get(0).id());
        assertThat(summary.flagged()).isEqualTo((int) validation.strategies().stream()
                .filter(ValidatedStrategy::overfit)
                .count());
        List<StrategyResult> prefix = all.subList(0, all.indexOf(expected.get(TOP_K - 1)) + 1);
        int distinctInPrefix = onePerBehaviour(prefix).size();
        assertThat(validation.equivalentsSkipped()).isEqualTo(prefix.size() - distinctInPrefix);
        assertThat(validation.similarSkipped()).isEqualTo(distinctInPrefix - TOP_K);
        assertThat(validation.maxCorrelation()).isEqualTo(0.9);
        // the fixture is worth validating: both generations evaluated, strategies differ, some look alike
        assertThat(validation.generations()).isEqualTo(2);
        assertThat(onePerBehaviour(all).size()).isGreaterThan(TOP_K + 5);
        assertThat(validation.similarSkipped()).isPositive();
    }

    @Test
    void bestIsBacktestedAfreshOnTheOutOfSampleRange() {
        TestRuns.Run run = TestRuns.finished(efs, "validate", true);
        StrategyResult fittest = fittestFirst(run).get(0);
        StrategySpec spec = spec(run, fittest.id());
        BarSeries outOfSample = SeriesSlices.outOfSample(run.series(), run.slice());
        BarSeries inSample = SeriesSlices.inSample(run.series(), run.slice());

        ValidationSummary summary =
                validate(run.plan().runId()).then().statusCode(200).extract().as(ValidationSummary.class);

        Double oos = Backtester.run(outOfSample, spec, PlanTerms.execution(run.plan()))
                .metrics()
                .sharpe();
        assertThat(oos).isNotNull();
        assertThat(summary.best().outOfSampleSharpe()).isEqualTo(oos);
        assertThat(summary.best().inSampleSharpe())
                .isEqualTo(fittest.metricsBySymbol().get("SYN").sharpe());
        assertThat(summary.best().name()).isEqualTo(spec.name());
        SymbolValidation syn = AtomicFiles.readJson(validationFile(run), Validation.class)
                .strategies()
                .get(0)
                .bySymbol()
                .get("SYN");
        assertThat(syn.outOfSample())
                .isEqualTo(Backtester.run(outOfSample, spec, PlanTerms.execution(run.plan()))
                        .metrics());
        assertThat(syn.outOfSample().bars()).isEqualTo(TestRuns.BARS * 3 / 10);
        assertThat(syn.inSample().bars()).isEqualTo(TestRuns.BARS * 7 / 10);

        // DSR against N = every distinct behaviour and V = 1 / T, the variance of an unskilled strategy's per-bar
        // Sharpe ratio over the T in-sample returns
        long years = inSample.time()[inSample.size() - 1] - inSample.time()[0];
        double barsPerYear = (inSample.size() - 1) / (years / (365.25 * 24 * 3600 * 1000));
        int behaviours = onePerBehaviour(fittestFirst(run)).size();
        ReturnMoments moments = ReturnMoments.ofEquity(
                Backtester.run(inSample, spec, PlanTerms.execution(run.plan())).equity());
        double dsr = DeflatedSharpe.of(moments, behaviours, 1.0 / (inSample.size() - 1))
                .probability();
        assertThat(summary.best().deflatedSharpe()).isCloseTo(dsr, within(1e-12));
        List<StrategyResult> leaders = leaders(run, inSample);
        assertThat(summary.effectiveTrials()).isEqualTo(leaders.size());
        assertThat(leaders.size())
                .as("clusters: more than one, fewer than the behaviours")
                .isBetween(2, behaviours - 1);
        assertThat(moments.sharpe() * Math.sqrt(barsPerYear))
                .isCloseTo(summary.best().inSampleSharpe(), within(1e-9));

        // against buy-and-hold over the same out-of-sample bars
        double[] close = outOfSample.close();
        double buyAndHold = close[close.length - 1] / close[0] - 1;
        assertThat(syn.outOfSampleBenchmark().benchmarkReturn()).isCloseTo(buyAndHold, within(1e-9));
        assertThat(syn.outOfSampleBenchmark().excessReturn())
                .isCloseTo(syn.outOfSample().totalReturn() - buyAndHold, within(1e-9));
    }

    /**
     * The cluster leaders of the run's behaviours, best first: a behaviour joins the leader its in-sample returns
     * (summed over pairs of bars, as 2,799 returns need to fit 2,048 points) correlate with most, at 0.5 or more.
     * Behaviours whose returns never vary share one cluster.
     */
    private static List<StrategyResult> leaders(TestRuns.Run run, BarSeries inSample) {
        List<StrategyResult> leaders = new ArrayList<>();
        List<double[]> leaderPoints = new ArrayList<>();
        boolean flatSeen = false;
        for (StrategyResult r : onePerBehaviour(fittestFirst(run))) {
            double[] points = points(run, inSample, r);
            if (java.util.Arrays.stream(points).distinct().count() == 1) {
                if (!flatSeen) {
                    flatSeen = true;
                    leaders.add(r);
                }
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (double[] leader : leaderPoints) {
                best = Math.max(best, correlation(leader, points));
            }
            if (!(best >= 0.5)) {
                leaders.add(r);
                leaderPoints.add(points);
            }
        }
        return leaders;
    }

    /** The first {@code k} behaviours, best first, whose returns correlate at most 0.9 with every one kept before. */
    private static List<StrategyResult> leaderboard(TestRuns.Run run, BarSeries inSample, int k) {
        List<StrategyResult> kept = new ArrayList<>();
        List<double[]> keptPoints = new ArrayList<>();
        for (StrategyResult r : onePerBehaviour(fittestFirst(run))) {
            if (kept.size() == k) {
                break;
            }
            double[] points = points(run, inSample, r);
            if (keptPoints.stream().noneMatch(other -> correlation(other, points) > 0.9)) {
                kept.add(r);
                keptPoints.add(points);
            }
        }
        return kept;
    }

    /** In-sample returns summed over pairs of bars (2,799 returns fit 2,048 points), the oldest left out. */
    private static double[] points(TestRuns.Run run, BarSeries inSample, StrategyResult r) {
        double[] equity = Backtester.run(inSample, spec(run, r.id()), PlanTerms.execution(run.plan()))
                .equity();
        int returns = equity.length - 1;
        int perPoint = (returns + 2047) / 2048;
        double[] points = new double[returns / perPoint];
        int first = returns - points.length * perPoint; // the oldest returns that fill no point are left out
        for (int t = first; t < returns; t++) {
            double ret = equity[t] > 0 ? equity[t + 1] / equity[t] - 1 : 0;
            points[(t - first) / perPoint] += ret;
        }
        return points;
    }

    private static double correlation(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void pboComparesTheClusterLeadersOfAllGenerations() {
        TestRuns.Run run = TestRuns.finished(efs, "validate", true);
        List<StrategyResult> leaders = leaders(run, SeriesSlices.inSample(run.series(), run.slice()));

        ValidationSummary summary =
                validate(run.plan().runId()).then().statusCode(200).extract().as(ValidationSummary.class);

        Validation validation = AtomicFiles.readJson(validationFile(run), Validation.class);
        PboEstimate pbo = validation.pbo();
        assertThat(pbo.probability()).isEqualTo(summary.pbo()).isBetween(0.0, 1.0);
        assertThat(pbo.strategies()).isEqualTo(leaders.size());
        assertThat(pbo.symbols()).containsExactly("SYN");
        assertThat(pbo.splits()).isEqualTo(12_870);
        assertThat(pbo.bars() + pbo.droppedBars()).isEqualTo(TestRuns.BARS * 7 / 10 - 1);
        EffectiveTrials trials = validation.effectiveTrials();
        assertThat(trials.raw()).isEqualTo(fittestFirst(run).size());
        assertThat(trials.behaviours())
                .isEqualTo(onePerBehaviour(fittestFirst(run)).size());
        assertThat(trials.clustered()).isEqualTo(trials.behaviours());
        assertThat(trials.effective()).isEqualTo(leaders.size());
        assertThat(trials.barsPerPoint()).isEqualTo(2);
        assertThat(trials.points()).isEqualTo((TestRuns.BARS * 7 / 10 - 1) / 2);
    }

    @Test
    void replayedValidationWritesIdenticalBytes() throws Exception {
        TestRuns.Run run = TestRuns.finished(efs, "validate", true);
        ValidationSummary first =
                validate(run.plan().runId()).then().statusCode(200).extract().as(ValidationSummary.class);
        byte[] bytes = Files.readAllBytes(validationFile(run));
        var modified = Files.getLastModifiedTime(validationFile(run));

        ValidationSummary again =
                validate(run.plan().runId()).then().statusCode(200).extract().as(ValidationSummary.class);

        assertThat(again).isEqualTo(first);
        assertThat(Files.readAllBytes(validationFile(run))).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(validationFile(run))).isEqualTo(modified);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("NaN");
    }

    @Test
    void unknownRunFailsNamingThePlanFile() {
        Response response = validate("no-such-run");

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString()).contains("no-such-run").contains("run.json");
        assertThat(FunctionError.of(response.asString()).thrownType())
                .as(response.asString())
                .isEqualTo(InvalidRequestException.ERROR_TYPE);
    }

    @Test
    void invalidRunIdFailsSayingWhatIsExpected() {
        Response response = validate("Not A Run");

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString()).contains("runId = Not A Run");
        assertThat(FunctionError.of(response.asString()).thrownType())
                .as(response.asString())
                .isEqualTo(InvalidRequestException.ERROR_TYPE);
    }

    /** Every distinct strategy of the result files, by fitness (highest first), equal fitness by id. */
    static List<StrategyResult> fittestFirst(TestRuns.Run run) {
        Map<String, StrategyResult> distinct = new LinkedHashMap<>();
        for (List<BatchResult> generation : run.results()) {
            for (BatchResult batch : generation) {
                batch.results().forEach(r -> distinct.putIfAbsent(r.id(), r));
            }
        }
        List<StrategyResult> sorted = new ArrayList<>(distinct.values());
        sorted.sort(Comparator.comparing(StrategyResult::fitness, Comparator.reverseOrder())
                .thenComparing(StrategyResult::id));
        return sorted;
    }

    /**
     * {@code fittest}, keeping the first of each group whose per-symbol metrics are all equal (the same trades under
     * another id: genes that never act).
     */
    static List<StrategyResult> onePerBehaviour(List<StrategyResult> fittest) {
        List<StrategyResult> kept = new ArrayList<>();
        for (StrategyResult r : fittest) {
            if (kept.stream().noneMatch(k -> k.metricsBySymbol().equals(r.metricsBySymbol()))) {
                kept.add(r);
            }
        }
        return kept;
    }

    static StrategySpec spec(TestRuns.Run run, String id) {
        for (var population : run.populations()) {
            for (Individual individual : population.individuals()) {
                if (individual.id().equals(id)) {
                    return PlanTerms.codec(run.plan()).decode(individual.genes());
                }
            }
        }
        throw new IllegalArgumentException("no strategy " + id);
    }

    private Path validationFile(TestRuns.Run run) {
        return efs.runDir(run.plan().runId()).resolve("validation.json");
    }

    private static Response validate(String runId) {
        return given().contentType(ContentType.JSON)
                .body(new RunRequest(runId))
                .when()
                .post();
    }
}
