package dev.phylo.functions.persist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.efs.Batch;
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
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.evolution.BatchEvaluation;
import dev.phylo.evolution.Generations;
import dev.phylo.evolution.SeriesSlices;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.testkit.ConnectionCut;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.FunctionError;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class PersistFunctionTest {

    private static final int BARS = 2_000;
    private static final List<String> SYMBOLS = List.of("SYN", "SYN2");
    private static final String[] TABLES = {"strategies", "strategy_metrics", "runs"};

    private EfsLayout efs;
    private RunFiles files;
    private Map<String, BarSeries> seriesBySymbol;
    private Map<String, SnapshotRef> snapshots;

    @BeforeEach
    void writeSnapshots() {
        TestDatabase.reset();
        efs = new EfsLayout(EfsResource.root());
        files = new RunFiles(efs);
        seriesBySymbol = new TreeMap<>();
        snapshots = new TreeMap<>();
        long seed = 31;
        for (String symbol : SYMBOLS) {
            BarSeries series =
                    SyntheticMarket.generate(SyntheticConfig.defaults(symbol, BarInterval.ONE_HOUR, BARS, seed++));
            seriesBySymbol.put(symbol, series);
            snapshots.put(symbol, SnapshotWriter.write(efs, series));
        }
    }

    @Test
    void storesEveryStrategyAndOneMetricsRowPerSymbol() {
        Run run = evaluatedRun(true);
        Set<String> ids = distinctIds(run.population());

        PersistSummary summary =
                persist(run.plan().runId(), 0).then().statusCode(200).extract().as(PersistSummary.class);

        assertThat(TestDatabase.count("strategies")).isEqualTo(ids.size());
        assertThat(TestDatabase.query("SELECT id FROM strategies").stream().map(r -> r.get("id")))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(TestDatabase.count("strategy_metrics")).isEqualTo(ids.size() * 2L);
        assertThat(summary.strategies()).isEqualTo(ids.size());
        assertThat(summary.newStrategies()).isEqualTo(ids.size());
        assertThat(summary.metricsInserted()).isEqualTo(ids.size() * 2L);
        assertThat(summary.metricsUpdated()).isZero();
        assertThat(summary.metricsUnchanged()).isZero();
    }

    @Test
    void metricsRowsHoldTheResultFilesValues() {
        Run run = evaluatedRun(true);

        persist(run.plan().runId(), 0).then().statusCode(200);

        // every row carries the run's created_at, so a replay hits the same keys
        assertThat(TestDatabase.query("SELECT count(*) AS n FROM strategy_metrics m JOIN runs r USING (run_id) "
                                + "WHERE m.\"timestamp\" = r.created_at")
                        .get(0)
                        .get("n"))
                .isEqualTo(distinctIds(run.population()).size() * 2L);
        int checked = 0;
        for (BatchResult result : run.results()) {
            for (StrategyResult r : result.results()) {
                assertThat(r.metricsBySymbol().keySet()).containsExactlyElementsOf(SYMBOLS);
                for (String symbol : SYMBOLS) {
                    Metrics m = r.metricsBySymbol().get(symbol);
                    List<Map<String, Object>> rows = TestDatabase.query(
                            "SELECT * FROM strategy_metrics "
                                    + "WHERE run_id = ? AND generation = 0 AND strategy_id = ? AND symbol = ?",
                            run.plan().runId(),
                            r.id(),
                            symbol);
                    assertThat(rows).hasSize(1);
                    Map<String, Object> row = rows.get(0);
                    assertThat(row.get("fitness")).isEqualTo(r.fitness());
                    assertThat(row.get("sharpe_ratio")).isEqualTo(fourDecimals(m.sharpe()));
                    assertThat(row.get("total_return")).isEqualTo(fourDecimals(m.totalReturn()));
                    assertThat(row.get("max_drawdown")).isEqualTo(fourDecimals(m.maxDrawdown()));
                    assertThat(row.get("trade_count")).isEqualTo(m.tradeCount());
                    assertThat(row.get("cagr")).isEqualTo(m.cagr());
                    assertThat(row.get("final_equity")).isEqualTo(m.finalEquity());
                    assertThat(row.get("bars")).isEqualTo(m.bars()).isEqualTo(BARS * 7 / 10); // in-sample only
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(run.plan().populationSize() * 2);
        // the fixture is worth checking: strategies differ, and most have a defined Sharpe ratio
        long distinctFitness = (Long) TestDatabase.query("SELECT count(DISTINCT fitness) AS n FROM strategy_metrics")
                .get(0)
                .get("n");
        long undefinedSharpe =
                (Long) TestDatabase.query("SELECT count(*) AS n FROM strategy_metrics " + "WHERE sharpe_ratio IS NULL")
                        .get(0)
                        .get("n");
        assertThat(distinctFitness).isGreaterThan(5);
        assertThat(undefinedSharpe * 2).isLessThan(TestDatabase.count("strategy_metrics"));
    }

    @Test
    void runProgressNamesTheFittestStrategy() {
        Run run = evaluatedRun(true);
        Set<String> ids = distinctIds(run.population());
        String bestId = null;
        double best = Double.NEGATIVE_INFINITY;
        for (BatchResult result : run.results()) {
            for (StrategyResult r : result.results()) {
                if (r.fitness() > best || (r.fitness() == best && r.id().compareTo(bestId) < 0)) {
                    best = r.fitness();
                    bestId = r.id();
                }
            }
        }

        PersistSummary summary =
                persist(run.plan().runId(), 0).then().statusCode(200).extract().as(PersistSummary.class);

        Map<String, Object> row = TestDatabase.query(
                        "SELECT generation, evaluated, best_strategy_id, best_fitness, "
                                + "best_generation, status FROM runs WHERE run_id = ?",
                        run.plan().runId())
                .get(0);
        assertThat(row.get("generation")).isEqualTo(0);
        assertThat(row.get("evaluated")).isEqualTo((long) ids.size());
        assertThat(row.get("best_strategy_id")).isEqualTo(bestId);
        assertThat(row.get("best_fitness")).isEqualTo(best);
        assertThat(row.get("best_generation")).isEqualTo(0);
        assertThat(row.get("status")).isEqualTo("running");
        assertThat(summary.evaluated()).isEqualTo(ids.size());
        assertThat(summary.bestStrategyId()).isEqualTo(bestId);
        assertThat(summary.bestFitness()).isEqualTo(best);
        assertThat(summary.bestGeneration()).isZero();
        assertThat(summary.done()).as("generation 0 of 3").isFalse();
    }

    @Test
    void aLatePersistLeavesAFailedRunFailed() {
        Run run = evaluatedRun(true);
        TestDatabase.execute(
                "UPDATE runs SET status = 'failed', error = 'Execution ABORTED', finished_at = now() WHERE run_id = ?",
                run.plan().runId());

        persist(run.plan().runId(), 0).then().statusCode(200);

        Map<String, Object> row = TestDatabase.query(
                        "SELECT status, error FROM runs WHERE run_id = ?",
                        run.plan().runId())
                .get(0);
        assertThat(row).containsEntry("status", "failed").containsEntry("error", "Execution ABORTED");
    }

    @Test
    void aGenerationLargerThanOneStatementIsStoredWholeOrNotAtAll() throws Exception {
        // more distinct strategies, and twice as many metric rows, than one statement carries (ROWS_PER_STATEMENT in
        // dev.phylo.store.Chunked, 10,000): strategies take 2+ statements, metrics 3+, all in one transaction
        Run run = evaluatedRun(true, 40_000, 10_000);
        int ids = distinctIds(run.population()).size();
        assertThat(ids).isGreaterThan(10_000);
        // the first three batches alone hold over 10,000 metric rows: the last batch's rows start a later statement
        assertThat(distinctIds(run.population().individuals().subList(0, 30_000))
                                .size()
                        * 2)
                .isGreaterThan(10_000);

        // first a value numeric(5,4) cannot hold in every metric row of the last batch, whose new strategies come
        // after all others: the failing statement follows the strategies' statements and at least one metric
        // statement, which must be rolled back with it
        BatchResult last = run.results().get(run.results().size() - 1);
        Path file = efs.resultFile(last.ref());
        String original = Files.readString(file);
        String broken = original.replaceAll("\"winRate\":(null|[-0-9.eE]+)", "\"winRate\":12.5");
        assertThat(broken).isNotEqualTo(original);
        Files.writeString(file, broken);
        Map<String, String> before = digests();

        Response failed = persist(run.plan().runId(), 0);

        assertThat(failed.statusCode()).as(failed.asString()).isNotEqualTo(200);
        assertThat(failed.asString()).contains("numeric field overflow");
        assertThat(digests()).isEqualTo(before);
        assertThat(TestDatabase.count("strategies")).isZero();
        assertThat(TestDatabase.count("strategy_metrics")).isZero();

        Files.writeString(file, original);
        PersistSummary summary =
                persist(run.plan().runId(), 0).then().statusCode(200).extract().as(PersistSummary.class);

        assertThat(summary.newStrategies()).isEqualTo(ids);
        assertThat(summary.metricsInserted()).isEqualTo(ids * 2L);
        assertThat(TestDatabase.count("strategies")).isEqualTo(ids);
        assertThat(TestDatabase.count("strategy_metrics")).isEqualTo(ids * 2L);
        PersistSummary again =
                persist(run.plan().runId(), 0).then().statusCode(200).extract().as(PersistSummary.class);
        assertThat(again.newStrategies()).isZero();
        assertThat(again.metricsUnchanged()).isEqualTo(ids * 2L);
    }

    /**
     * The connection cut while the transaction writes metrics, after it wrote the strategies (the backend terminated,
     * as a dropped connection or a Neon compute restart ends it): it rolls back whole and the retry stores the
     * generation once, as an uncut persist would.
     */
    @Test
    void aConnectionCutMidTransactionIsRetriedAndStoresTheGenerationOnce() throws Exception {
        Run run = evaluatedRun(true);
        int ids = distinctIds(run.population()).size();
        CompletableFuture<Response> persisted;
        try (ConnectionCut cut = ConnectionCut.lockAgainstWriters("strategy_metrics")) {
            persisted = CompletableFuture.supplyAsync(() -> persist(run.plan().runId(), 0));
            assertThat(cut.cutBlocked(Duration.ofSeconds(60))).isPositive();
        }
        Response response = persisted.join();

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        PersistSummary summary = response.as(PersistSummary.class);
        assertThat(summary.newStrategies())
                .as("the cut transaction's strategies rolled back")
                .isEqualTo(ids);
        assertThat(summary.metricsInserted()).isEqualTo(ids * 2L);
        assertThat(TestDatabase.count("strategies")).isEqualTo(ids);
        assertThat(TestDatabase.count("strategy_metrics")).isEqualTo(ids * 2L);
        assertThat(TestDatabase.count("run_generations")).isEqualTo(1);
        Map<String, String> digests = digests();
        persist(run.plan().runId(), 0).then().statusCode(200);
        assertThat(digests()).isEqualTo(digests);
    }

    @Test
    void replayedPersistChangesNoRow() {
        Run run = evaluatedRun(true);
        persist(run.plan().runId(), 0).then().statusCode(200);
        Map<String, String> digests = digests();

        PersistSummary again =
                persist(run.plan().runId(), 0).then().statusCode(200).extract().as(PersistSummary.class);

        assertThat(digests()).isEqualTo(digests);
        int ids = distinctIds(run.population()).size();
        assertThat(again.newStrategies()).isZero();
        assertThat(again.metricsInserted()).isZero();
        assertThat(again.metricsUpdated()).isZero();
        assertThat(again.metricsUnchanged()).isEqualTo(ids * 2L);
        assertThat(again.evaluated()).isEqualTo(ids);
    }

    @Test
    void aRunThatWasNeverSeededOrANegativeGenerationIsABadRequest() {
        for (Response response : List.of(persist("never-seeded", 0), persist("never-seeded", -1))) {
            String body = response.asString();
            assertThat(response.statusCode()).as(body).isNotEqualTo(200);
            assertThat(FunctionError.of(body).thrownType()).as(body).isEqualTo(InvalidRequestException.ERROR_TYPE);
        }
        assertThat(persist("never-seeded", 0).asString()).contains("no run never-seeded");
        assertThat(persist("never-seeded", -1).asString()).contains("generation >= 0");
        assertThat(TestDatabase.count("strategy_metrics")).isZero();
    }

    @Test
    void runWithoutARowFailsAskingToSeedItFirst() {
        Run run = evaluatedRun(false);

        Response response = persist(run.plan().runId(), 0);

        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(body).contains(run.plan().runId()).contains("seed it first");
        assertThat(TestDatabase.count("strategies")).isZero();
        assertThat(TestDatabase.count("strategy_metrics")).isZero();
        assertThat(TestDatabase.count("runs")).isZero();
    }

    @Test
    void missingResultFileFailsNamingItAndWritesNothing() throws Exception {
        Run run = evaluatedRun(true);
        Path missing = efs.resultFile(run.results().get(1).ref());
        Files.delete(missing);
        Map<String, String> digests = digests();

        Response response = persist(run.plan().runId(), 0);

        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(body).contains("result-00001.json");
        assertThat(digests()).isEqualTo(digests);
        assertThat(TestDatabase.count("strategies")).isZero();
    }

    private record Run(RunPlan plan, Population population, List<BatchResult> results) {}

    /** Plan, generation 0 and every batch's result on both symbols; with or without its runs row. */
    private Run evaluatedRun(boolean withRunRow) {
        Run run = evaluatedRun(withRunRow, 20, 6);
        assertThat(run.results()).hasSize(4); // 20 strategies in batches of 6: 6 + 6 + 6 + 2
        return run;
    }

    private Run evaluatedRun(boolean withRunRow, int populationSize, int batchSize) {
        String runId = "persist-" + UUID.randomUUID().toString().substring(0, 8);
        List<DataSlice> data = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            long[] time = seriesBySymbol.get(symbol).time();
            long split = time[BARS * 7 / 10];
            data.add(new DataSlice(
                    symbol, "1h", snapshots.get(symbol).snapshotId(), time[0], split, split, time[BARS - 1] + 1));
        }
        RunPlan plan = new RunPlan(
                runId,
                5,
                populationSize,
                3,
                batchSize,
                0,
                "sharpe",
                3,
                List.of(),
                List.of(),
                new ExecutionPlan("next-open", 1, 1, 10_000),
                data);
        files.writePlan(plan);
        Population population = Generations.seed(plan);
        files.writePopulation(population);
        List<BatchResult> results = new ArrayList<>();
        try (BatchEvaluation evaluation = new BatchEvaluation(BatchEvaluator.withThreads(1))) {
            for (Batch batch : Generations.batches(plan, population)) {
                files.writeBatch(batch);
                BatchResult result = evaluation.evaluate(
                        plan, batch, slice -> SeriesSlices.inSample(seriesBySymbol.get(slice.symbol()), slice));
                files.writeResult(result);
                results.add(result);
            }
        }
        if (withRunRow) {
            TestDatabase.execute(
                    "INSERT INTO runs (run_id, config, seed, status, generations_planned) "
                            + "VALUES (?, '{}'::jsonb, ?, 'running', ?)",
                    runId,
                    plan.seed(),
                    plan.generations());
        }
        return new Run(plan, population, results);
    }

    private static Set<String> distinctIds(Population population) {
        return distinctIds(population.individuals());
    }

    private static Set<String> distinctIds(List<Individual> individuals) {
        Set<String> ids = new LinkedHashSet<>();
        for (Individual individual : individuals) {
            ids.add(individual.id());
        }
        return ids;
    }

    /** What numeric(10,4) holds: the value rounded half away from zero to 4 decimals. */
    private static BigDecimal fourDecimals(Double value) {
        return value == null ? null : new BigDecimal(value).setScale(4, RoundingMode.HALF_UP);
    }

    private static Map<String, String> digests() {
        Map<String, String> digests = new TreeMap<>();
        for (String table : TABLES) {
            digests.put(table, TestDatabase.tableDigest(table));
        }
        return digests;
    }

    private static Response persist(String runId, int generation) {
        return given().contentType(ContentType.JSON)
                .body(new PersistRequest(runId, generation))
                .when()
                .post();
    }
}
