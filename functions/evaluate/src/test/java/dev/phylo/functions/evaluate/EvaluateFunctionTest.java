package dev.phylo.functions.evaluate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.efs.Batch;
import dev.phylo.efs.BatchRef;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.ExecutionPlan;
import dev.phylo.efs.Individual;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.efs.StrategyResult;
import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.evolution.Generations;
import dev.phylo.evolution.PlanTerms;
import dev.phylo.evolution.SeriesSlices;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.testkit.FunctionError;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(TempEfsResource.class)
class EvaluateFunctionTest {

    private static final int BARS = 6_000;
    private static final int POPULATION = 24;
    private static final int BATCH = 10;
    private static final java.util.concurrent.atomic.AtomicLong SERIES_SEEDS =
            new java.util.concurrent.atomic.AtomicLong(10);

    private RunFiles files;
    private RunPlan plan;
    private BarSeries series;
    private SnapshotRef snapshot;

    @BeforeEach
    void seedRun() {
        EfsLayout efs = new EfsLayout(TempEfsResource.root);
        files = new RunFiles(efs);
        // a different market per test: a new content hash, so no test sees another's cached snapshot
        series = SyntheticMarket.generate(
                SyntheticConfig.defaults("SYN", BarInterval.ONE_HOUR, BARS, SERIES_SEEDS.incrementAndGet()));
        snapshot = SnapshotWriter.write(efs, series);
        long split = series.time()[BARS * 7 / 10];
        DataSlice slice = new DataSlice(
                "SYN", "1h", snapshot.snapshotId(), series.time()[0], split, split, series.time()[BARS - 1] + 1);
        String runId = "eval-" + UUID.randomUUID().toString().substring(0, 8);
        plan = new RunPlan(
                runId,
                7,
                POPULATION,
                3,
                BATCH,
                0,
                "sharpe",
                5,
                List.of(),
                List.of(),
                new ExecutionPlan("next-open", 1, 1, 10_000),
                List.of(slice));
        files.writePlan(plan);
        Population population = Generations.seed(plan);
        files.writePopulation(population);
        Generations.batches(plan, population).forEach(files::writeBatch);
    }

    @Test
    void evaluatesABatchOnTheInSampleRangeOnly() {
        EvaluateSummary summary = invoke(new BatchRef(plan.runId(), 0, 1))
                .then()
                .statusCode(200)
                .extract()
                .as(EvaluateSummary.class);

        BatchResult result = files.readResult(new BatchRef(plan.runId(), 0, 1));
        int inSampleBars = BARS * 7 / 10;
        assertThat(summary.count()).isEqualTo(BATCH);
        assertThat(summary.strategyBars()).isEqualTo((long) BATCH * inSampleBars);
        assertThat(summary.replayed()).isFalse();
        double best = result.results().stream()
                .mapToDouble(StrategyResult::fitness)
                .max()
                .orElseThrow();
        assertThat(summary.bestFitness()).isEqualTo(best);

        // each result equals a single-strategy backtest (the engine's other path) on the in-sample bars alone
        Batch batch = files.readBatch(new BatchRef(plan.runId(), 0, 1));
        BarSeries inSample = SeriesSlices.inSample(series, plan.data().get(0));
        assertThat(inSample.size()).isEqualTo(inSampleBars);
        for (int i = 0; i < BATCH; i++) {
            Individual individual = batch.individuals().get(i);
            StrategySpec spec = PlanTerms.codec(plan).decode(individual.genes());
            Metrics expected =
                    Backtester.run(inSample, spec, PlanTerms.execution(plan)).metrics();
            StrategyResult actual = result.results().get(i);
            assertThat(actual.id()).isEqualTo(individual.id());
            assertThat(actual.metricsBySymbol().get("SYN")).isEqualTo(expected);
            assertThat(actual.fitness()).isEqualTo(PlanTerms.objective(plan).fitness(expected));
        }
    }

    @Test
    void replayedBatchReturnsTheStoredResultAndRewritesNothing() throws Exception {
        BatchRef ref = new BatchRef(plan.runId(), 0, 2); // the short last batch: 24 = 10 + 10 + 4
        invoke(ref).then().statusCode(200);
        var file = new EfsLayout(TempEfsResource.root).resultFile(ref);
        byte[] first = Files.readAllBytes(file);
        FileTime written = Files.getLastModifiedTime(file);

        EvaluateSummary again = invoke(ref).then().statusCode(200).extract().as(EvaluateSummary.class);

        assertThat(again.replayed()).isTrue();
        assertThat(again.count()).isEqualTo(4);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
    }

    @Test
    void aWarmEnvironmentReadsEachSnapshotOnce() {
        EvaluateSummary first = invoke(new BatchRef(plan.runId(), 0, 0))
                .then()
                .statusCode(200)
                .extract()
                .as(EvaluateSummary.class);
        EvaluateSummary second = invoke(new BatchRef(plan.runId(), 0, 1))
                .then()
                .statusCode(200)
                .extract()
                .as(EvaluateSummary.class);

        assertThat(first.snapshotsLoaded()).isEqualTo(1);
        assertThat(second.snapshotsLoaded()).isZero();
    }

    /** A byte flipped in any column of the run's snapshot: evaluate refuses it, naming the file and the checksums. */
    @ParameterizedTest
    @ValueSource(strings = {"time", "open", "high", "low", "close", "volume"})
    void aDamagedSnapshotIsRefusedNamingTheFileAndTheChecksum(String column) throws Exception {
        EfsLayout efs = new EfsLayout(TempEfsResource.root);
        Path file = efs.snapshotDir(snapshot).resolve(column + ".npy");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.seek(128 + 8L * 4_321 + 6);
            int b = f.read();
            f.seek(128 + 8L * 4_321 + 6);
            f.write(b ^ 0x04);
        }
        BatchRef ref = new BatchRef(plan.runId(), 0, 0);

        io.restassured.response.Response response = invoke(ref);

        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(body)
                .contains(file.toString())
                .containsPattern("CRC32C mismatch: data has \\S+, snapshot.json says");
        assertThat(efs.resultFile(ref)).doesNotExist();
    }

    @Test
    void missingBatchFailsNamingTheFile() {
        String body = invoke(new BatchRef(plan.runId(), 0, 9)).then().extract().asString();

        assertThat(body).contains("batch-00009");
    }

    @Test
    void aRunThatWasNeverSeededIsABadRequest() {
        io.restassured.response.Response response = invoke(new BatchRef("never-seeded", 0, 0));

        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(FunctionError.of(body).thrownType()).as(body).isEqualTo(InvalidRequestException.ERROR_TYPE);
        assertThat(body).contains("no run never-seeded").contains("seed the run first");
    }

    private static io.restassured.response.Response invoke(BatchRef ref) {
        return given().contentType(ContentType.JSON).body(ref).when().post();
    }
}
