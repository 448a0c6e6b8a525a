package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.ExecutionOptions;
import dev.phylo.stepfunctions.ExecutionResult;
import dev.phylo.stepfunctions.StateMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md decision 3 for a population of 100,000: the real state machine file, run with functions that answer exactly what
 * ours answer for such a run (seed/breed: 1,000 batch numbers; evaluate, persist, validate, report: their small
 * summaries), with the payload limit lowered from 256 KB to 32 KB. Every state input and output fits.
 */
class StatePayloadSizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POPULATION = 100_000;
    private static final int BATCH = 100;
    private static final int LIMIT = 32 * 1024;

    @Test
    void everyStateStaysUnder32KilobytesForAPopulationOf100000() throws Exception {
        SamTemplate template = SamTemplates.read(Path.of("../../sam/template.yaml"));
        Map<String, String> arns = new LinkedHashMap<>();
        template.substitutions().forEach((name, function) -> arns.put(name, LocalRun.arn(function)));
        StateMachine machine = StateMachine.parse(Files.readString(template.definition()), arns);
        ObjectNode input = (ObjectNode) JSON.readTree("""
                {"symbols": ["AAPL", "MSFT", "SPY"], "interval": "1h", "from": "2015-01-01", "to": "2025-01-01",
                 "outOfSampleFraction": 0.3, "populationSize": 100000, "generations": 3, "batchSize": 100,
                 "objective": "sharpe", "seed": 7, "maxConcurrency": 64,
                 "families": ["maCross", "rsiReversion", "bollingerBreakout", "donchianBreakout"]}""");

        ExecutionResult result = machine.start(
                        "payload-size-100k",
                        input,
                        (arn, payload, timeout) -> answer(LocalRun.functionOf(arn), payload),
                        null,
                        ExecutionOptions.defaults().withMaxPayloadBytes(LIMIT).withMaxParallelism(64))
                .await();

        assertThat(result.succeeded())
                .as("%s: %s", result.error(), result.cause())
                .isTrue();
        // the check bites: the same run under a 4 KB limit fails on the 1,000 batch numbers
        ExecutionResult tight = machine.start(
                        "payload-size-4k",
                        input,
                        (arn, payload, timeout) -> answer(LocalRun.functionOf(arn), payload),
                        null,
                        ExecutionOptions.defaults()
                                .withMaxPayloadBytes(4 * 1024)
                                .withMaxParallelism(64))
                .await();
        assertThat(tight.error()).isEqualTo("States.DataLimitExceeded");
    }

    /** What our functions return for a run of this size (shapes as in their records). */
    private static JsonNode answer(String function, JsonNode payload) {
        ObjectNode out = JSON.createObjectNode();
        switch (function) {
            case "HealthFunction" -> out.put("status", "UP").putArray("checks");
            case "SeedFunction", "BreedFunction" -> {
                int generation = function.equals("SeedFunction")
                        ? 0
                        : payload.path("generation").asInt() + 1;
                out.put("runId", payload.path("runId").asText())
                        .put("generation", generation)
                        .put("populationSize", POPULATION)
                        .put("done", false)
                        .put("bestId", "0123456789abcdef0123456789abcdef")
                        .put("bestFitness", 1.2345678901234567)
                        .put("maxConcurrency", 64);
                IntStream.range(0, POPULATION / BATCH).forEach(out.putArray("batches")::add);
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
                        .put("done", payload.path("generation").asInt() >= 2);
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
}
