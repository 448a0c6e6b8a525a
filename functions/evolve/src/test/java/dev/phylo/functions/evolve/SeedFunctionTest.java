package dev.phylo.functions.evolve;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.Batch;
import dev.phylo.efs.BatchRef;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.ExecutionPlan;
import dev.phylo.efs.Individual;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.evolution.Generations;
import dev.phylo.evolution.RunDefaults;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.FunctionError;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
@QuarkusTestResource(value = LocalBucketResource.class, restrictToAnnotatedClass = true)
class SeedFunctionTest {

    private static final int BARS = 3_000;
    private static final long HOUR = 3_600_000L;
    private static final List<String> SYMBOLS = List.of("SYN");
    private static final List<String> FAMILIES = List.of("maCross", "rsiReversion");

    private EfsLayout efs;
    private RunFiles files;
    private BarSeries series;
    private SnapshotRef snapshot;

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void publishSnapshot() {
        TestDatabase.reset();
        efs = new EfsLayout(EfsResource.root());
        files = new RunFiles(efs);
        series = SyntheticMarket.generate(SyntheticConfig.defaults("SYN", BarInterval.ONE_HOUR, BARS, 11));
        snapshot = SnapshotWriter.write(efs, series);
        SnapshotManifest.publish(efs, snapshot);
    }

    @Test
    void seedsGenerationZeroInBatchesAndRecordsTheRun() throws IOException {
        String runId = newRunId();

        Response response = invoke(request(runId, 30));
        GenerationRef ref = response.then().statusCode(200).extract().as(GenerationRef.class);
        // the state machine's ResultSelector selects $.Payload.folds: an ordinary run's is there, as null
        assertThat(JSON.readTree(response.asString()).has("folds")).isTrue();
        assertThat(JSON.readTree(response.asString()).get("folds").isNull()).isTrue();

        // 30 strategies in batches of 8: 8 + 8 + 8 + 6, listed by reference in the work bucket
        BatchList list = new BatchList(
                LocalBucketResource.BUCKET, "runs/" + runId + "/batches.json", "runs/" + runId + "/map-runs");
        assertThat(ref)
                .isEqualTo(new GenerationRef(
                        runId, 0, 30, 8, 4, list, false, null, null, 4, null, null)); // the request's maxConcurrency
        assertThat(Files.readString(LocalBucketResource.object(list.key())))
                .isEqualTo("[{\"batch\":0},{\"batch\":1},{\"batch\":2},{\"batch\":3}]");
        List<Map<String, Object>> rows = TestDatabase.query(
                "SELECT status, seed, generations_planned, generation, "
                        + "evaluated, best_strategy_id FROM runs WHERE run_id = ?",
                runId);
        assertThat(rows).hasSize(1);
        Map<String, Object> run = rows.get(0);
        assertThat(run.get("status")).isEqualTo("running");
        assertThat(((Number) run.get("seed")).longValue()).isEqualTo(7L);
        assertThat(((Number) run.get("generations_planned")).intValue()).isEqualTo(3);
        assertThat(run.get("generation")).isNull();
        assertThat(((Number) run.get("evaluated")).longValue()).isZero();
        assertThat(run.get("best_strategy_id")).isNull();
        List<Map<String, Object>> config = TestDatabase.query(
                "SELECT config->>'runId' AS run_id, "
                        + "(config->>'populationSize')::int AS population, config->>'objective' AS objective "
                        + "FROM runs WHERE run_id = ?",
                runId);
        assertThat(config.get(0))
                .containsEntry("run_id", runId)
                .containsEntry("population", 30)
                .containsEntry("objective", "sortino");
    }

    @Test
    void aRunInputWithOnlyRunIdAndSymbolsTakesEveryRunDefault() throws Exception {
        String runId = newRunId();

        GenerationRef ref = given().contentType(ContentType.JSON)
                .body("{\"runId\":\"" + runId + "\",\"symbols\":[\"SYN\"]}")
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .as(GenerationRef.class);

        // the same definition phylo run and phylo cloud run show (RunInputOptionsTest)
        assertThat(ref.populationSize()).isEqualTo(RunDefaults.POPULATION);
        assertThat(ref.maxConcurrency()).isEqualTo(RunDefaults.MAX_CONCURRENCY);
        // no batchSize: two batches per concurrent evaluator, 256 / (2 x 100) rounded up, far inside the time budget
        // (2 x 2,100 bars at 50 M strategy-bars/s is microseconds)
        assertThat(ref.batchSize()).isEqualTo(2);
        assertThat(ref.batchCount()).isEqualTo(128);
        Map<String, Object> config = TestDatabase.query(
                        "SELECT config::text AS config FROM runs WHERE run_id = ?", runId)
                .get(0);
        SeedRequest stored = JSON.readValue(config.get("config").toString(), SeedRequest.class);
        assertThat(stored)
                .isEqualTo(new SeedRequest(
                        runId,
                        List.of("SYN"),
                        RunDefaults.INTERVAL,
                        null,
                        null,
                        RunDefaults.OUT_OF_SAMPLE_FRACTION,
                        RunDefaults.POPULATION,
                        RunDefaults.GENERATIONS,
                        2,
                        RunDefaults.STALL_GENERATIONS,
                        RunDefaults.OBJECTIVE,
                        RunDefaults.MIN_TRADES,
                        List.of(),
                        List.of(),
                        RunDefaults.SEED,
                        RunDefaults.FILL,
                        RunDefaults.FEE_BPS,
                        RunDefaults.SLIPPAGE_BPS,
                        RunDefaults.INITIAL_CAPITAL,
                        RunDefaults.MAX_CONCURRENCY,
                        null,
                        null,
                        null,
                        null,
                        null));
        RunPlan plan = files.readPlan(runId);
        assertThat(plan.seed()).isEqualTo(RunDefaults.SEED);
        assertThat(plan.populationSize()).isEqualTo(RunDefaults.POPULATION);
        assertThat(plan.generations()).isEqualTo(RunDefaults.GENERATIONS);
    }

    @Test
    void planCutsTheSnapshotAtSeventyPercentOfItsTimeSpan() {
        String runId = newRunId();

        invoke(request(runId, 30)).then().statusCode(200);

        // hourly bars from 2020-01-01T00:00Z; the range is [first open, last open + 1 ms)
        long first = series.time()[0];
        long end = series.time()[BARS - 1] + 1;
        assertThat(first).isEqualTo(SyntheticConfig.DEFAULT_START);
        assertThat(end - first).isEqualTo((BARS - 1) * HOUR + 1);
        long split = first + Math.floorDiv((end - first) * 7, 10);
        assertThat(split - first).isEqualTo(2_099 * HOUR + 18 * 60_000); // 0.7 * 2999 h = 2099 h 18 min
        RunPlan expected = new RunPlan(
                runId,
                7,
                30,
                3,
                8,
                2,
                "sortino",
                4,
                List.of("maCross", "rsiReversion"),
                List.of("long"),
                new ExecutionPlan("next-open", 2.0, 1.5, 5_000.0),
                List.of(new DataSlice("SYN", "1h", snapshot.snapshotId(), first, split, split, end)));
        assertThat(files.readPlan(runId)).isEqualTo(expected);
        // 70 % of (2999 h + 1 ms) is 2099.3 h (+ 0.7 ms, floored): bars 0..2099 open before the split
        long inSampleBars = Arrays.stream(series.time()).filter(t -> t < split).count();
        assertThat(inSampleBars).isEqualTo(2_100);
    }

    @Test
    void populationAndBatchesAreGenerationZeroOfThePlan() {
        String runId = newRunId();

        invoke(request(runId, 30)).then().statusCode(200);

        RunPlan plan = files.readPlan(runId);
        Population expected = Generations.seed(plan);
        Population written = files.readPopulation(runId, 0);
        assertThat(written).isEqualTo(expected);
        assertThat(written.individuals()).hasSize(30);
        byte[] populationBytes = AtomicFiles.read(efs.populationFile(runId, 0));
        assertThat(populationBytes).isEqualTo(AtomicFiles.toJson(expected));
        List<Individual> joined = new ArrayList<>();
        int[] sizes = {8, 8, 8, 6};
        for (int b = 0; b < sizes.length; b++) {
            Batch batch = files.readBatch(new BatchRef(runId, 0, b));
            assertThat(batch.individuals()).hasSize(sizes[b]);
            joined.addAll(batch.individuals());
        }
        assertThat(joined).isEqualTo(expected.individuals());
        assertThat(Files.exists(efs.batchFile(new BatchRef(runId, 0, 4)))).isFalse();
    }

    @Test
    void replayedSeedWritesIdenticalFilesAndOneRunRow() {
        String runId = newRunId();
        GenerationRef first =
                invoke(request(runId, 30)).then().statusCode(200).extract().as(GenerationRef.class);
        var contents = RunDirectories.contents(efs.runDir(runId));
        var modified = RunDirectories.modified(efs.runDir(runId));
        String runs = TestDatabase.tableDigest("runs");

        GenerationRef again =
                invoke(request(runId, 30)).then().statusCode(200).extract().as(GenerationRef.class);

        assertThat(again).isEqualTo(first);
        assertThat(contents)
                .containsKeys("run.json", "gen-0000/population.json", "gen-0000/batch-00003.json")
                .hasSize(6);
        assertThat(RunDirectories.contents(efs.runDir(runId))).isEqualTo(contents);
        assertThat(RunDirectories.modified(efs.runDir(runId))).isEqualTo(modified);
        assertThat(TestDatabase.count("runs")).isEqualTo(1);
        assertThat(TestDatabase.tableDigest("runs")).isEqualTo(runs);
    }

    @Test
    void seedingAnExistingRunWithAnotherPopulationFailsNamingTheRun() {
        String runId = newRunId();
        invoke(request(runId, 30)).then().statusCode(200);
        var contents = RunDirectories.contents(efs.runDir(runId));
        String runs = TestDatabase.tableDigest("runs");

        Response response = invoke(request(runId, 40));

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString()).contains("run " + runId);
        assertThat(RunDirectories.contents(efs.runDir(runId))).isEqualTo(contents);
        assertThat(TestDatabase.tableDigest("runs")).isEqualTo(runs);
    }

    /**
     * {@code resume}: the stored run continues at its last persisted generation (none yet here: generation 0, the same
     * batches); a run that does not exist, one that succeeded, or a resume that also sends configuration is refused.
     */
    @Test
    void aResumeContinuesAStoredRunAndIsRefusedForMissingSucceededOrReconfiguredRuns() {
        String runId = newRunId();
        GenerationRef seeded =
                invoke(request(runId, 30)).then().statusCode(200).extract().as(GenerationRef.class);
        TestDatabase.execute("UPDATE runs SET status = 'failed', error = 'killed' WHERE run_id = ?", runId);

        GenerationRef resumed = given().contentType(ContentType.JSON)
                .body(java.util.Map.of("runId", runId, "resume", true))
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .as(GenerationRef.class);

        assertThat(resumed).isEqualTo(seeded);
        assertThat(TestDatabase.query("SELECT status, error FROM runs WHERE run_id = ?", runId)
                        .get(0))
                .containsEntry("status", "running")
                .containsEntry("error", null);
        String missing = given().contentType(ContentType.JSON)
                .body(java.util.Map.of("runId", "never-seeded", "resume", true))
                .when()
                .post()
                .asString();
        assertThat(missing).contains("no run never-seeded to resume");
        String reconfigured = given().contentType(ContentType.JSON)
                .body(java.util.Map.of("runId", runId, "resume", true, "populationSize", 40))
                .when()
                .post()
                .asString();
        assertThat(reconfigured).contains("send only {runId, resume: true}");
        TestDatabase.execute("UPDATE runs SET status = 'succeeded' WHERE run_id = ?", runId);
        String succeeded = given().contentType(ContentType.JSON)
                .body(java.util.Map.of("runId", runId, "resume", true))
                .when()
                .post()
                .asString();
        assertThat(succeeded).contains("already succeeded");
    }

    @Test
    void intervalIsStoredInItsCanonicalForm() {
        String runId = newRunId();

        invoke(request(runId, SYMBOLS, " 1H", 30, "sortino", FAMILIES)).then().statusCode(200);

        assertThat(files.readPlan(runId).data().get(0).interval()).isEqualTo("1h");
        assertThat(TestDatabase.query("SELECT config->>'interval' AS interval FROM runs WHERE run_id = ?", runId)
                        .get(0))
                .containsEntry("interval", "1h");
        // the same run asked for as "1h" is a replay, not a conflicting configuration
        invoke(request(runId, 30)).then().statusCode(200);
    }

    @Test
    void rejectsAnUnknownInterval() {
        assertRejected(request(newRunId(), SYMBOLS, "1 hour", 30, "sortino", FAMILIES), "interval '1 hour'");
    }

    @Test
    void rejectsMissingSymbols() {
        assertRejected(request(newRunId(), null, "1h", 30, "sortino", FAMILIES), "symbols = null");
        assertRejected(request(newRunId(), List.of(), "1h", 30, "sortino", FAMILIES), "symbols = []");
    }

    @Test
    void rejectsAPopulationOfOne() {
        assertRejected(request(newRunId(), 1), "populationSize = 1");
    }

    @Test
    void rejectsAnUnknownObjective() {
        assertRejected(request(newRunId(), SYMBOLS, "1h", 30, "alpha", FAMILIES), "unknown objective 'alpha'");
    }

    @Test
    void rejectsAnUnknownFamily() {
        assertRejected(
                request(newRunId(), SYMBOLS, "1h", 30, "sortino", List.of("maCross", "tarotCards")),
                "unknown rule family 'tarotCards'");
    }

    @Test
    void rejectsASymbolWithoutDataAskingToIngestItFirst() {
        String body = assertRejected(
                request(newRunId(), List.of("SYN", "NODATA"), "1h", 30, "sortino", FAMILIES),
                "no market data for NODATA 1h");
        assertThat(body).contains("ingest it first");
    }

    @Test
    void rejectsARunIdWithUpperCase() {
        assertRejected(request("Seed-Upper", 30), "runId = Seed-Upper");
    }

    /** A request with every field given, so that the expected plan follows from it alone (except 0.3 OOS). */
    private static SeedRequest request(String runId, int populationSize) {
        return request(runId, SYMBOLS, "1h", populationSize, "sortino", FAMILIES);
    }

    private static SeedRequest request(
            String runId,
            List<String> symbols,
            String interval,
            int populationSize,
            String objective,
            List<String> families) {
        return new SeedRequest(
                runId,
                symbols,
                interval,
                null,
                null,
                null,
                populationSize,
                3,
                8,
                2,
                objective,
                4,
                families,
                List.of("long"),
                7L,
                "next-open",
                2.0,
                1.5,
                5_000.0,
                4,
                null,
                null,
                null,
                null,
                null);
    }

    /** The function fails with {@code message}, and neither a runs row nor a run folder appears. */
    private String assertRejected(SeedRequest request, String message) {
        List<String> runDirs = runDirectories();
        Response response = invoke(request);
        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(body).contains(message);
        assertThat(FunctionError.of(body).thrownType()).as(body).isEqualTo(InvalidRequestException.ERROR_TYPE);
        assertThat(TestDatabase.count("runs")).isZero();
        assertThat(runDirectories()).isEqualTo(runDirs);
        return body;
    }

    private List<String> runDirectories() {
        if (!Files.isDirectory(efs.runsDir())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(efs.runsDir())) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newRunId() {
        return "seed-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response invoke(SeedRequest request) {
        return given().contentType(ContentType.JSON).body(request).when().post();
    }
}
