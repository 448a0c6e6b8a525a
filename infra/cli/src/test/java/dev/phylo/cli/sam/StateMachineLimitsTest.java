package dev.phylo.cli.sam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The state machine stays inside Step Functions' limits at any scale (docs/architecture.md, "Batch sizing"), read
 * from {@code sam/template.yaml} and {@code evolution.asl.json} as deployed. Jackson YAML reads {@code !Ref X} as
 * {@code "X"}.
 */
class StateMachineLimitsTest {

    private static final Path SAM = Path.of("../../sam");
    /** https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html: an EXPRESS execution's duration. */
    private static final int EXPRESS_SECONDS = 300;

    private static JsonNode template;
    private static JsonNode asl;

    @BeforeAll
    static void read() throws IOException {
        template = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(SAM.resolve("template.yaml")));
        asl = new ObjectMapper().readTree(Files.readString(SAM.resolve("statemachine/evolution.asl.json")));
    }

    @Test
    void everyTaskWaitsLongerThanItsFunctionsTimeoutSoNoFunctionOutlivesItsState() {
        Map<String, JsonNode> tasks = tasks(asl.path("States"), new LinkedHashMap<>());
        // every Task but the walk-forward parent's, which waits for a child execution (below)
        JsonNode fold = tasks.remove("Evolve fold");
        assertThat(fold.path("Resource").asText()).isEqualTo("arn:aws:states:::states:startExecution.sync:2");
        assertThat(tasks).hasSize(8);
        tasks.forEach((name, task) -> {
            String placeholder = task.path("Parameters").path("FunctionName").asText();
            String function = placeholder.substring(2, placeholder.length() - "Arn}".length());
            int lambdaTimeout = template.path("Resources")
                    .path(function)
                    .path("Properties")
                    .path("Timeout")
                    .asInt();
            // a state that gave up on a function still running could let it commit after the run was marked
            // failed; with 10 s more the function's own timeout has always ended it first (Sandbox.Timedout)
            assertThat(task.path("TimeoutSeconds").asInt())
                    .as("%s: TimeoutSeconds against %s's Timeout %d", name, function, lambdaTimeout)
                    .isGreaterThanOrEqualTo(lambdaTimeout + 10);
        });
    }

    @Test
    void anEvaluateChildWithEveryRetryFitsInTheExpressLimit() {
        JsonNode map = asl.path("States").path("Evaluate generation");
        assertThat(map.path("ItemProcessor")
                        .path("ProcessorConfig")
                        .path("ExecutionType")
                        .asText())
                .isEqualTo("EXPRESS");
        JsonNode task = map.path("ItemProcessor").path("States").path("Evaluate batch");
        int attemptSeconds = task.path("TimeoutSeconds").asInt();
        // attempts that run out their time: the first and each retry of a timeout; throttles and Lambda service
        // errors are refused before the function runs, so those attempts cost only their waits
        int longAttempts = 1;
        double waits = 0;
        for (JsonNode retrier : task.path("Retry")) {
            List<String> errors = new ArrayList<>();
            retrier.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
            if (errors.contains("States.Timeout") || errors.contains("Sandbox.Timedout")) {
                longAttempts += retrier.path("MaxAttempts").asInt(3);
            }
            waits += waits(retrier);
        }
        double worst = longAttempts * attemptSeconds + waits;
        // 2 x 100 s + 2 s + (1 + 2 + 4 + 8) s = 217 s
        assertThat(worst).isEqualTo(217.0).isLessThan(EXPRESS_SECONDS);
        assertThat(task.path("Comment").asText()).contains("217 s");
    }

    @Test
    void noStateCarriesAListThatGrowsWithThePopulation() {
        JsonNode map = asl.path("States").path("Evaluate generation");
        assertThat(map.has("ItemsPath"))
                .as("batches come from S3, not from state data")
                .isFalse();
        assertThat(map.path("ItemReader").path("Resource").asText()).isEqualTo("arn:aws:states:::s3:getObject");
        assertThat(map.path("ResultWriter").path("Resource").asText()).isEqualTo("arn:aws:states:::s3:putObject");
        for (String name : List.of("Seed first generation", "Breed next generation")) {
            JsonNode selector = asl.path("States").path(name).path("ResultSelector");
            assertThat(selector.has("batches.$")).as(name).isFalse();
            assertThat(selector.path("batchList.$").asText()).as(name).isEqualTo("$.Payload.batchList");
        }
    }

    @Test
    void seedSizesBatchesFromEvaluatesDeployment() throws IOException {
        JsonNode evaluate = template.path("Resources").path("EvaluateFunction").path("Properties");
        JsonNode seedEnv = template.path("Resources")
                .path("SeedFunction")
                .path("Properties")
                .path("Environment")
                .path("Variables");
        assertThat(seedEnv.path("PHYLO_EVALUATE_TIMEOUT_SECONDS").asInt())
                .isEqualTo(evaluate.path("Timeout").asInt());
        assertThat(seedEnv.path("PHYLO_EVALUATE_MEMORY_MB").asText())
                .isEqualTo(evaluate.path("MemorySize").asText())
                .isEqualTo("EvaluateMemorySize");
        assertThat(seedEnv.path("PHYLO_EVALUATE_RESERVED_CONCURRENCY").asText()).isEqualTo("EvaluateMaxConcurrency");
        assertThat(seedEnv.path("PHYLO_WORK_BUCKET").asText()).isEqualTo("WorkBucket");
        // the function's own defaults (used by its tests) are the template's
        Properties defaults = new Properties();
        try (Reader in =
                Files.newBufferedReader(Path.of("../../functions/evolve/src/main/resources/application.properties"))) {
            defaults.load(in);
        }
        JsonNode parameters = template.path("Parameters");
        assertThat(defaults.getProperty("phylo.evaluate.timeout-seconds"))
                .isEqualTo(evaluate.path("Timeout").asText());
        assertThat(defaults.getProperty("phylo.evaluate.memory-mb"))
                .isEqualTo(parameters.path("EvaluateMemorySize").path("Default").asText());
        assertThat(defaults.getProperty("phylo.evaluate.reserved-concurrency"))
                .isEqualTo(parameters
                        .path("EvaluateMaxConcurrency")
                        .path("Default")
                        .asText());
    }

    /** The longest a retrier can wait in all: each interval, grown by BackoffRate, capped by MaxDelaySeconds. */
    private static double waits(JsonNode retrier) {
        double interval = retrier.path("IntervalSeconds").asDouble(1);
        double backoff = retrier.path("BackoffRate").asDouble(2);
        double cap =
                retrier.has("MaxDelaySeconds") ? retrier.path("MaxDelaySeconds").asDouble() : Double.MAX_VALUE;
        double total = 0;
        for (int i = 0; i < retrier.path("MaxAttempts").asInt(3); i++) {
            total += Math.min(cap, interval * Math.pow(backoff, i));
        }
        return total;
    }

    private static Map<String, JsonNode> tasks(JsonNode states, Map<String, JsonNode> into) {
        states.properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals("Task")) {
                into.put(e.getKey(), e.getValue());
            }
            if (e.getValue().has("ItemProcessor")) {
                tasks(e.getValue().path("ItemProcessor").path("States"), into);
            }
        });
        return into;
    }
}
