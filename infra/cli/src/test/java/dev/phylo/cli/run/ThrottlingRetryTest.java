package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.cli.run.testfn.SleepingHandler;
import dev.phylo.lambda.FunctionArtifact;
import dev.phylo.lambda.FunctionConfig;
import dev.phylo.lambda.LocalFunction;
import dev.phylo.lambda.LocalFunctions;
import dev.phylo.lambda.RicClasspath;
import dev.phylo.stepfunctions.Execution;
import dev.phylo.stepfunctions.ExecutionListener;
import dev.phylo.stepfunctions.ExecutionOptions;
import dev.phylo.stepfunctions.ExecutionResult;
import dev.phylo.stepfunctions.HistoryEvent;
import dev.phylo.stepfunctions.Sleeper;
import dev.phylo.stepfunctions.StateMachine;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state machine's Retry against a real throttle: the "Evaluate batch" task of
 * {@code sam/statemachine/evolution.asl.json} (read from the file, Retry and all), three batches at a time in an inline
 * Map, over a local function with one reserved concurrent execution. The throttles come from {@link LocalFunction}
 * itself, reached through {@link LambdaFleet} as {@code phylo run} reaches it; the function is a real process.
 */
class ThrottlingRetryTest {

    private static final Path DEFINITION = Path.of("../../sam/statemachine/evolution.asl.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCHES = 3;

    @TempDir
    Path tmp;

    @Test
    void theEvaluateRetryRidesOutThrottlingUntilEveryBatchSucceeds() throws Exception {
        List<Duration> backoffs = new CopyOnWriteArrayList<>();
        ExecutionOptions options = ExecutionOptions.defaults().withSleeper(d -> {
            backoffs.add(d);
            Sleeper.system().sleep(d);
        });
        LocalFunctions functions =
                new LocalFunctions(tmp.resolve("logs"), RicClasspath.detect(), null, Duration.ofSeconds(2));
        // three local processes allowed, one execution reserved: the limit is the reservation, not this machine
        LocalFunction evaluate = functions.start(FunctionConfig.builder("EvaluateFunction", testClasses())
                .handler(SleepingHandler.class.getName() + "::handleRequest")
                .memoryMb(256)
                .timeout(Duration.ofSeconds(60))
                .concurrency(BATCHES)
                .reservedConcurrency(1)
                .build());
        ArrayNode batches = JSON.createArrayNode();
        for (int i = 0; i < BATCHES; i++) {
            batches.addObject().put("batch", i).put("sleepMs", 800);
        }
        ObjectNode input = JSON.createObjectNode().set("batches", batches);

        ExecutionResult result;
        List<HistoryEvent> history;
        try (LambdaFleet fleet = new LambdaFleet(functions)) {
            StateMachine machine = StateMachine.parse(
                    mapOverEvaluateBatch(), Map.of("EvaluateFunctionArn", LocalRun.arn("EvaluateFunction")));
            Execution execution = machine.start(
                    "throttled",
                    input,
                    (arn, payload, timeout) -> fleet.invoke(LocalRun.functionOf(arn), payload, timeout),
                    ExecutionListener.NONE,
                    options);
            result = execution.await(Duration.ofMinutes(3)).orElseThrow();
            history = execution.history();
            assertThat(evaluate.processIds())
                    .as("never more than one execution environment")
                    .hasSize(1);
            assertThat(invocationsDelivered(evaluate))
                    .as("invocations a process received: throttled ones never reach one")
                    .isEqualTo(BATCHES);
        }

        assertThat(result.succeeded())
                .as("%s %s", result.error(), result.cause())
                .isTrue();
        List<Integer> answered = new ArrayList<>();
        result.output()
                .forEach(r -> answered.add(r.path("Payload").path("batch").asInt()));
        assertThat(answered).containsExactly(0, 1, 2);

        Map<Integer, List<HistoryEvent>> outcomes = outcomesByBatch(history);
        assertThat(outcomes).containsOnlyKeys(0, 1, 2);
        int throttles = 0;
        for (Map.Entry<Integer, List<HistoryEvent>> batch : outcomes.entrySet()) {
            List<HistoryEvent> attempts = batch.getValue();
            // zero or more throttles, then one success
            assertThat(attempts.get(attempts.size() - 1).type())
                    .as("batch %d's last attempt", batch.getKey())
                    .isEqualTo("TaskSucceeded");
            for (HistoryEvent failed : attempts.subList(0, attempts.size() - 1)) {
                throttles++;
                assertThat(failed.type()).isEqualTo("TaskFailed");
                assertThat(failed.details().path("error").asText()).isEqualTo("Lambda.TooManyRequestsException");
                assertThat(failed.details().path("cause").asText())
                        .startsWith("Rate Exceeded.")
                        .contains("EvaluateFunction: 1 concurrent executions reserved");
            }
        }
        System.out.printf("%d throttles, back-offs %s%n", throttles, backoffs);
        assertThat(throttles)
                .as("three batches at once over one reserved execution: the other two are throttled at first")
                .isGreaterThanOrEqualTo(2);
        assertThat(backoffs).as("one back-off per throttle").hasSize(throttles);
        assertThat(history.get(history.size() - 1).type()).isEqualTo("ExecutionSucceeded");
    }

    /** An inline Map, three at a time, whose only state is the real definition's "Evaluate batch" task. */
    private static String mapOverEvaluateBatch() throws Exception {
        JsonNode evaluateBatch = JSON.readTree(Files.readString(DEFINITION))
                .path("States")
                .path("Evaluate generation")
                .path("ItemProcessor")
                .path("States")
                .path("Evaluate batch");
        assertThat(evaluateBatch.path("Retry").toString()).contains("Lambda.TooManyRequestsException");
        ObjectNode task = evaluateBatch.deepCopy();
        task.remove("ResultSelector"); // it picks evaluate's own answer apart; this function answers {batch, pid}
        ObjectNode definition = JSON.createObjectNode()
                .put("Comment", "Evaluate batch, three at a time")
                .put("StartAt", "Evaluate generation");
        ObjectNode map = definition.putObject("States").putObject("Evaluate generation");
        map.put("Type", "Map").put("ItemsPath", "$.batches").put("MaxConcurrency", BATCHES);
        ObjectNode processor = map.putObject("ItemProcessor");
        processor.putObject("ProcessorConfig").put("Mode", "INLINE");
        processor.put("StartAt", "Evaluate batch");
        processor.putObject("States").set("Evaluate batch", task);
        map.put("End", true);
        return definition.toString();
    }

    /**
     * Each attempt's outcome (TaskSucceeded or TaskFailed), by the batch it was scheduled with, in order: an outcome
     * follows its TaskStarted, which follows its TaskScheduled ({@code previousEventId}).
     */
    private static Map<Integer, List<HistoryEvent>> outcomesByBatch(List<HistoryEvent> history) throws Exception {
        Map<Long, HistoryEvent> byId = new HashMap<>();
        history.forEach(e -> byId.put(e.id(), e));
        Map<Integer, List<HistoryEvent>> outcomes = new TreeMap<>();
        for (HistoryEvent e : history) {
            if (!e.type().equals("TaskSucceeded") && !e.type().equals("TaskFailed")) {
                continue;
            }
            HistoryEvent started = byId.get(e.previousEventId());
            HistoryEvent scheduled = byId.get(started.previousEventId());
            assertThat(List.of(started.type(), scheduled.type())).containsExactly("TaskStarted", "TaskScheduled");
            int batch = JSON.readTree(scheduled.details().path("parameters").asText())
                    .path("Payload")
                    .path("batch")
                    .asInt();
            outcomes.computeIfAbsent(batch, b -> new ArrayList<>()).add(e);
        }
        return outcomes;
    }

    /** How many invocations the function's processes were handed ({@code /invocation/next} answered 200). */
    private static long invocationsDelivered(LocalFunction f) {
        return f.processes().stream()
                .flatMap(p -> p.server().calls().stream())
                .filter(c -> c.method().equals("GET") && c.path().endsWith("/invocation/next") && c.status() == 200)
                .count();
    }

    private static FunctionArtifact testClasses() throws URISyntaxException {
        Path classes = Path.of(SleepingHandler.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return FunctionArtifact.classpath(classes, List.of(classes));
    }
}
