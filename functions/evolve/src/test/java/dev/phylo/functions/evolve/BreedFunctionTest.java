package dev.phylo.functions.evolve;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.efs.AtomicFiles;
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
import dev.phylo.engine.backtest.BatchEvaluator;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.evolution.BatchEvaluation;
import dev.phylo.evolution.GenerationSummary;
import dev.phylo.evolution.Generations;
import dev.phylo.evolution.SeriesSlices;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.FunctionError;
import dev.phylo.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BreedFunctionTest.ExportBreed.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
@QuarkusTestResource(value = LocalBucketResource.class, restrictToAnnotatedClass = true)
class BreedFunctionTest {

    /** The same app, deployed as the breed function. */
    public static final class ExportBreed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "breed");
        }
    }

    private static final int BARS = 3_000;
    private static final int POPULATION = 30;
    private static final int BATCH = 8;

    private EfsLayout efs;
    private RunFiles files;
    private BarSeries series;
    private SnapshotRef snapshot;

    @BeforeEach
    void writeSnapshot() {
        efs = new EfsLayout(EfsResource.root());
        files = new RunFiles(efs);
        series = SyntheticMarket.generate(SyntheticConfig.defaults("SYN", BarInterval.ONE_HOUR, BARS, 23));
        snapshot = SnapshotWriter.write(efs, series);
    }

    @Test
    void breedsGenerationOneFromGenerationZerosResults() {
        RunPlan plan = startRun(3);
        Population g0 = files.readPopulation(plan.runId(), 0);
        List<BatchResult> results = evaluate(plan, g0);

        GenerationRef ref =
                breed(plan.runId(), 0).then().statusCode(200).extract().as(GenerationRef.class);

        Best best = best(g0, results);
        assertThat(ref)
                .isEqualTo(new GenerationRef(
                        plan.runId(),
                        1,
                        POPULATION,
                        BATCH,
                        4,
                        batchList(plan.runId()),
                        false,
                        best.id(),
                        best.fitness(),
                        7,
                        null,
                        null));
        Population expected = Generations.breed(plan, g0, results);
        assertThat(files.readPopulation(plan.runId(), 1)).isEqualTo(expected);
        assertThat(AtomicFiles.read(efs.populationFile(plan.runId(), 1))).isEqualTo(AtomicFiles.toJson(expected));
        List<Individual> joined = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            Batch batch = files.readBatch(new BatchRef(plan.runId(), 1, b));
            assertThat(batch.individuals()).hasSize(b < 3 ? BATCH : POPULATION - 3 * BATCH);
            joined.addAll(batch.individuals());
        }
        assertThat(joined).isEqualTo(expected.individuals());
        assertThat(Files.exists(efs.batchFile(new BatchRef(plan.runId(), 1, 4))))
                .isFalse();
    }

    @Test
    void writesTheSummaryOfTheBredGeneration() {
        RunPlan plan = startRun(3);
        Population g0 = files.readPopulation(plan.runId(), 0);
        List<BatchResult> results = evaluate(plan, g0);

        breed(plan.runId(), 0).then().statusCode(200);

        GenerationSummary summary = AtomicFiles.readJson(summaryFile(plan.runId(), 0), GenerationSummary.class);
        Best best = best(g0, results);
        assertThat(summary)
                .isEqualTo(new GenerationSummary(
                        plan.runId(), 0, POPULATION, best.id(), best.fitness(), median(g0, results)));
    }

    @Test
    void replayedBreedRewritesNothing() {
        RunPlan plan = startRun(3);
        evaluate(plan, files.readPopulation(plan.runId(), 0));
        GenerationRef first =
                breed(plan.runId(), 0).then().statusCode(200).extract().as(GenerationRef.class);
        var contents = RunDirectories.contents(efs.runDir(plan.runId()));
        var modified = RunDirectories.modified(efs.runDir(plan.runId()));

        GenerationRef again =
                breed(plan.runId(), 0).then().statusCode(200).extract().as(GenerationRef.class);

        assertThat(again).isEqualTo(first);
        assertThat(contents)
                .containsKeys("gen-0000/summary.json", "gen-0001/population.json", "gen-0001/batch-00003.json");
        assertThat(RunDirectories.contents(efs.runDir(plan.runId()))).isEqualTo(contents);
        assertThat(RunDirectories.modified(efs.runDir(plan.runId()))).isEqualTo(modified);
    }

    @Test
    void aRunThatWasNeverSeededOrANegativeGenerationIsABadRequest() {
        for (Response response : List.of(breed("never-seeded", 0), breed("never-seeded", -1))) {
            String body = response.asString();
            assertThat(response.statusCode()).as(body).isNotEqualTo(200);
            assertThat(FunctionError.of(body).thrownType()).as(body).isEqualTo(InvalidRequestException.ERROR_TYPE);
        }
        assertThat(breed("never-seeded", 0).asString()).contains("no run never-seeded");
        assertThat(breed("never-seeded", -1).asString()).contains("generation >= 0");
    }

    @Test
    void missingResultFailsNamingTheBatchAndBreedsNothing() throws Exception {
        RunPlan plan = startRun(3);
        evaluate(plan, files.readPopulation(plan.runId(), 0));
        Path missing = efs.resultFile(new BatchRef(plan.runId(), 0, 2));
        Files.delete(missing);

        Response response = breed(plan.runId(), 0);

        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(body).contains("batch 2 of 4").contains("result-00002.json");
        assertThat(Files.exists(efs.generationDir(plan.runId(), 1))).isFalse();
        assertThat(Files.exists(summaryFile(plan.runId(), 0))).isFalse();
    }

    @Test
    void aOneGenerationRunIsDoneAfterGenerationZero() {
        RunPlan plan = startRun(1);
        Population g0 = files.readPopulation(plan.runId(), 0);
        List<BatchResult> results = evaluate(plan, g0);

        GenerationRef ref =
                breed(plan.runId(), 0).then().statusCode(200).extract().as(GenerationRef.class);

        Best best = best(g0, results);
        assertThat(ref)
                .isEqualTo(new GenerationRef(
                        plan.runId(),
                        0,
                        POPULATION,
                        BATCH,
                        0,
                        batchList(plan.runId()),
                        true,
                        best.id(),
                        best.fitness(),
                        7,
                        null,
                        null));
        assertThat(Files.exists(efs.generationDir(plan.runId(), 1))).isFalse();
        assertThat(Files.exists(summaryFile(plan.runId(), 0))).isTrue();
    }

    @Test
    void lastPlannedGenerationEndsTheRun() {
        RunPlan plan = startRun(2);
        evaluate(plan, files.readPopulation(plan.runId(), 0));
        breed(plan.runId(), 0).then().statusCode(200);
        Population g1 = files.readPopulation(plan.runId(), 1);
        List<BatchResult> results = evaluate(plan, g1);

        GenerationRef ref =
                breed(plan.runId(), 1).then().statusCode(200).extract().as(GenerationRef.class);

        Best best = best(g1, results);
        assertThat(ref)
                .isEqualTo(new GenerationRef(
                        plan.runId(),
                        1,
                        POPULATION,
                        BATCH,
                        0,
                        batchList(plan.runId()),
                        true,
                        best.id(),
                        best.fitness(),
                        7,
                        null,
                        null));
        assertThat(Files.exists(efs.generationDir(plan.runId(), 2))).isFalse();
        assertThat(AtomicFiles.readJson(summaryFile(plan.runId(), 1), GenerationSummary.class)
                        .bestId())
                .isEqualTo(best.id());
    }

    /** A run of {@code generations} with generation 0 written as seed would write it (plan, population, batches). */
    private RunPlan startRun(int generations) {
        long split = series.time()[BARS * 7 / 10];
        DataSlice slice = new DataSlice(
                "SYN", "1h", snapshot.snapshotId(), series.time()[0], split, split, series.time()[BARS - 1] + 1);
        String runId = "breed-" + UUID.randomUUID().toString().substring(0, 8);
        RunPlan plan = new RunPlan(
                runId,
                19,
                POPULATION,
                generations,
                BATCH,
                0,
                "sharpe",
                3,
                List.of(),
                List.of(),
                new ExecutionPlan("next-open", 1, 1, 10_000),
                List.of(slice));
        files.writePlan(plan);
        Population population = Generations.seed(plan);
        files.writePopulation(population);
        Generations.batches(plan, population).forEach(files::writeBatch);
        return plan;
    }

    /** Evaluates every batch of a generation as the evaluate function would, and writes the result files. */
    private List<BatchResult> evaluate(RunPlan plan, Population population) {
        BarSeries inSample = SeriesSlices.inSample(series, plan.data().get(0));
        List<BatchResult> results = new ArrayList<>();
        try (BatchEvaluation evaluation = new BatchEvaluation(BatchEvaluator.withThreads(1))) {
            for (int b = 0; b < Generations.batchCount(plan); b++) {
                Batch batch = files.readBatch(new BatchRef(plan.runId(), population.generation(), b));
                BatchResult result = evaluation.evaluate(plan, batch, slice -> inSample);
                files.writeResult(result);
                results.add(result);
            }
        }
        return results;
    }

    private record Best(String id, double fitness) {}

    /** Highest fitness; among equals, the smallest id. */
    private static Best best(Population population, List<BatchResult> results) {
        Map<String, Double> fitness = fitnessById(results);
        Best best = null;
        for (Individual individual : population.individuals()) {
            double f = fitness.get(individual.id());
            boolean tieWithSmallerId =
                    best != null && f == best.fitness() && individual.id().compareTo(best.id()) < 0;
            if (best == null || f > best.fitness() || tieWithSmallerId) {
                best = new Best(individual.id(), f);
            }
        }
        return best;
    }

    private static double median(Population population, List<BatchResult> results) {
        Map<String, Double> fitness = fitnessById(results);
        List<Double> values = new ArrayList<>();
        population.individuals().forEach(i -> values.add(fitness.get(i.id())));
        values.sort(null);
        // 30 values: the mean of the 15th and 16th smallest
        return (values.get(14) + values.get(15)) / 2;
    }

    private static Map<String, Double> fitnessById(List<BatchResult> results) {
        Map<String, Double> fitness = new HashMap<>();
        for (BatchResult result : results) {
            for (StrategyResult r : result.results()) {
                fitness.put(r.id(), r.fitness());
            }
        }
        return fitness;
    }

    private Path summaryFile(String runId, int generation) {
        return efs.generationDir(runId, generation).resolve("summary.json");
    }

    private static Response breed(String runId, int generation) {
        return given().contentType(ContentType.JSON)
                .body(new BreedRequest(runId, generation, 7))
                .when()
                .post();
    }

    /** Breed names the batch list seed wrote: every generation has the same batches. */
    private static BatchList batchList(String runId) {
        return new BatchList(
                LocalBucketResource.BUCKET, "runs/" + runId + "/batches.json", "runs/" + runId + "/map-runs");
    }
}
