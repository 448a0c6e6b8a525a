package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.ExecutionOptions;
import dev.phylo.stepfunctions.ExecutionResult;
import dev.phylo.stepfunctions.ObjectStore;
import dev.phylo.stepfunctions.StateMachine;
import dev.phylo.stepfunctions.TaskFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/architecture.md decision 3 for a population of 1,000,000 in 10,000 batches: the real state machine file, run
 * with functions that answer exactly what ours answer for such a run (seed: the batch list written to S3, here a
 * folder; seed/breed: its reference; evaluate, persist, validate, report: their small summaries), with the payload
 * limit lowered from 256 KiB to 32 KiB. Every state input and output fits.
 */
class StatePayloadSizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POPULATION = 1_000_000;
    private static final int BATCH = 100;
    private static final int BATCHES = POPULATION / BATCH;
    private static final int LIMIT = 32 * 1024;
    private static final String BUCKET = "phylo-work";

    @TempDir
    Path s3;

    @Test
    void everyStateStaysUnder32KibibytesForAPopulationOfOneMillion() throws Exception {
        SamTemplate template = SamTemplates.read(Path.of("../../sam/template.yaml"));
        String definition = Files.readString(template.definition());

        ExecutionResult result = run(template, definition, "payload-size-1m");

        assertThat(result.succeeded())
                .as("%s: %s", result.error(), result.cause())
                .isTrue();
        // the ResultWriter exported every child's output: 10,000 evaluations in two generations
        try (Stream<Path> files = Files.walk(s3.resolve(BUCKET).resolve("runs/payload-size-1m/map-runs"))) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("manifest.json")))
                    .hasSize(2);
        }
        // the check bites: without the ResultWriter the map collects 10,000 outputs into its result and fails
        ObjectNode tree = (ObjectNode) JSON.readTree(definition);
        ((ObjectNode) tree.path("States").path("Evaluate generation"))
                .remove(List.of("ResultWriter", "ResultSelector"));
        ExecutionResult collected = run(template, tree.toString(), "payload-size-collected");
        assertThat(collected.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(collected.cause()).contains("Evaluate generation").contains("collected results");
    }

    private ExecutionResult run(SamTemplate template, String definition, String name) throws Exception {
        Map<String, String> arns = new LinkedHashMap<>();
        template.substitutions().forEach((sub, function) -> arns.put(sub, LocalRun.arn(function)));
        StateMachine machine = StateMachine.parse(definition, arns);
        ObjectNode input = (ObjectNode) JSON.readTree("""
                {"symbols": ["AAPL", "MSFT", "SPY"], "interval": "1h", "from": "2015-01-01", "to": "2025-01-01",
                 "outOfSampleFraction": 0.3, "populationSize": 1000000, "generations": 2, "batchSize": 100,
                 "objective": "sharpe", "seed": 7, "maxConcurrency": 64,
                 "families": ["maCross", "rsiReversion", "bollingerBreakout", "donchianBreakout"]}""");
        return machine.start(
                        name,
                        input,
                        (arn, payload, timeout) -> answer(LocalRun.functionOf(arn), payload),
                        null,
                        ExecutionOptions.defaults()
                                .withMaxPayloadBytes(LIMIT)
                                .withMaxParallelism(64)
                                .withObjectStore(ObjectStore.directory(s3)))
                .await();
    }

    /** What our functions return for a run of this size (shapes as in their records). */
    private JsonNode answer(String function, JsonNode payload) throws TaskFailedException {
        ObjectNode out = JSON.createObjectNode();
        switch (function) {
            case "HealthFunction" -> out.put("status", "UP").putArray("checks");
            case "SeedFunction", "BreedFunction" -> {
                int generation = function.equals("SeedFunction")
                        ? 0
                        : payload.path("generation").asInt() + 1;
                String runId = payload.path("runId").asText();
                String key = "runs/" + runId + "/batches.json";
                if (function.equals("SeedFunction")) {
                    writeBatchList(key);
                }
                out.put("runId", runId)
                        .put("generation", generation)
                        .put("populationSize", POPULATION)
                        .put("batchSize", BATCH)
                        .put("batchCount", BATCHES)
                        .put("done", false)
                        .put("bestId", "0123456789abcdef0123456789abcdef")
                        .put("bestFitness", 1.2345678901234567)
                        .put("maxConcurrency", 64)
                        .putNull("folds") // an ordinary run's, as the seed function writes it (SeedFunctionTest)
                        .putNull("foldConcurrency");
                out.putObject("batchList")
                        .put("bucket", BUCKET)
                        .put("key", key)
                        .put("resultsPrefix", "runs/" + runId + "/map-runs");
            }
            case "EvaluateFunction" ->
                out.put("runId", payload.path("runId").asText())
                        .put("generation", payload.path("generation").asInt())
                        .put("batch", payload.path("batch").asInt())
                        .put("count", BATCH)
                        .put("bestId", "0123456789abcdef0123456789abcdef")
                        .put("bestFitness", 1.2345678901234567)
                        .put("strategyBars", 1_800_000_000L)
                        .put("millis", 12_345)
                        .put("strategyBarsPerSecond", 1.5e8)
                        .put("replayed", false)
                        .put("snapshotsLoaded", 0)
                        .put("snapshotLoadMillis", 0);
            case "PersistFunction" ->
                out.put("runId", payload.path("runId").asText())
                        .put("generation", payload.path("generation").asInt())
                        .put("strategies", POPULATION)
                        .put("newStrategies", 95_000)
                        .put("metricsInserted", 300_000)
                        .put("metricsUpdated", 0)
                        .put("metricsUnchanged", 0)
                        .put("evaluated", 300_000L)
                        .put("bestStrategyId", "0123456789abcdef0123456789abcdef")
                        .put("bestFitness", 1.23)
                        .put("bestGeneration", 0)
                        .put("done", payload.path("generation").asInt() >= 1);
            case "ValidateFunction" ->
                out.put("runId", payload.path("runId").asText())
                        .put("topK", 10)
                        .put("strategiesEvaluated", 300_000)
                        .put("pbo", 0.42)
                        .put("flagged", 7)
                        .put("validation", "/mnt/phylo/runs/x/validation.json")
                        .putObject("best")
                        .put("id", "x");
            case "ReportFunction" ->
                out.put("runId", payload.path("runId").asText())
                        .put("html", "/mnt/phylo/runs/x/report.html")
                        .put("json", "/mnt/phylo/runs/x/report.json")
                        .put("htmlUri", "s3://phylo-reports-0123456789ab/reports/x/report.html")
                        .put("jsonUri", "s3://phylo-reports-0123456789ab/reports/x/report.json")
                        .put("generations", 3)
                        .put("status", "succeeded");
            default -> throw new IllegalStateException("unexpected function " + function);
        }
        return out;
    }

    /** What seed writes: one item per batch. */
    private void writeBatchList(String key) throws TaskFailedException {
        StringBuilder items = new StringBuilder("[");
        IntStream.range(0, BATCHES)
                .forEach(b -> items.append(b == 0 ? "" : ",")
                        .append("{\"batch\":")
                        .append(b)
                        .append('}'));
        try {
            ObjectStore.directory(s3)
                    .put(BUCKET, key, items.append(']').toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TaskFailedException("Seed.Failed", e.toString());
        }
    }
}
