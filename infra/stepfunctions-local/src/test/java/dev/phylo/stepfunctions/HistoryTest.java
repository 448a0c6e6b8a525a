package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static final String DEF = """
      {"StartAt": "Name the run", "States": {
        "Name the run": {"Type": "Pass", "Result": "r1", "ResultPath": "$.runId", "Next": "Check health"},
        "Check health": {"Type": "Task", "Resource": "%shealth", "ResultPath": "$.health", "Next": "Healthy?"},
        "Healthy?": {"Type": "Choice",
          "Choices": [{"Variable": "$.health.ok", "BooleanEquals": true, "Next": "Done"}], "Default": "Sick"},
        "Sick": {"Type": "Fail", "Error": "Unhealthy"},
        "Done": {"Type": "Succeed"}}}
      """.formatted(FN);

    @Test
    void eventSequenceIdsAndDetailsOfASmallMachine() {
        List<HistoryEvent> seen = Collections.synchronizedList(new ArrayList<>());
        Asl.Functions fns = new Asl.Functions().on("health", p -> json("{\"ok\": true}"));
        Execution e = StateMachine.parse(DEF, Map.of())
                .start("run-1", json("{\"seed\": 1}"), fns, ExecutionListener.of(seen::add), Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);

        List<HistoryEvent> h = e.history();
        assertThat(h)
                .extracting(HistoryEvent::type)
                .containsExactly(
                        "ExecutionStarted",
                        "PassStateEntered",
                        "PassStateExited",
                        "TaskStateEntered",
                        "TaskScheduled",
                        "TaskStarted",
                        "TaskSucceeded",
                        "TaskStateExited",
                        "ChoiceStateEntered",
                        "ChoiceStateExited",
                        "SucceedStateEntered",
                        "SucceedStateExited",
                        "ExecutionSucceeded");
        for (int i = 0; i < h.size(); i++) {
            assertThat(h.get(i).id()).isEqualTo(i + 1);
            assertThat(h.get(i).previousEventId()).isEqualTo(i);
            assertThat(h.get(i).timestamp()).isEqualTo(Asl.NOW);
        }
        assertThat(seen).isEqualTo(h); // the listener saw every event, in order

        assertThat(json(h.get(0).details().get("input").asText())).isEqualTo(json("{\"seed\": 1}"));
        assertThat(h.get(1).details().get("name").asText()).isEqualTo("Name the run");
        JsonNode scheduled = h.get(4).details();
        assertThat(scheduled.get("resourceType").asText()).isEqualTo("lambda");
        assertThat(json(scheduled.get("parameters").asText()))
                .isEqualTo(json(
                        "{\"FunctionName\": \"" + FN + "health\", \"Payload\": {\"seed\": 1, \"runId\": \"r1\"}}"));
        assertThat(json(h.get(6).details().get("output").asText())).isEqualTo(json("{\"ok\": true}"));
        assertThat(h.get(6).details().get("outputDetails").get("truncated").asBoolean())
                .isFalse();
        assertThat(json(h.get(12).details().get("output").asText()))
                .isEqualTo(json("{\"seed\": 1, \"runId\": \"r1\", \"health\": {\"ok\": true}}"));

        JsonNode doc = json(e.historyJson());
        assertThat(doc.get("events")).hasSize(13);
        assertThat(doc.get("events")
                        .get(0)
                        .get("executionStartedEventDetails")
                        .get("input")
                        .asText())
                .contains("seed");
        assertThat(doc.get("events").get(1).has("stateEnteredEventDetails")).isTrue();
        assertThat(doc.get("events").get(4).has("taskScheduledEventDetails")).isTrue();
        assertThat(doc.get("events").get(12).has("executionSucceededEventDetails"))
                .isTrue();
        assertThat(doc.get("events").get(12).get("timestamp").asText()).isEqualTo("2024-05-01T12:00:00Z");
    }

    @Test
    void failingExecutionEndsWithExecutionFailed() {
        Asl.Functions fns = new Asl.Functions().on("health", p -> json("{\"ok\": false}"));
        Execution e = StateMachine.parse(DEF, Map.of()).start("run-2", json("{}"), fns, null, Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.error()).isEqualTo("Unhealthy");
        assertThat(Asl.types(e)).endsWith("ChoiceStateExited", "FailStateEntered", "ExecutionFailed");
        assertThat(e.historyJson()).contains("executionFailedEventDetails").contains("Unhealthy");
    }

    @Test
    void largeInputsAreTruncatedInTheHistory() {
        String big = "y".repeat(20_000);
        Execution e = StateMachine.parse(
                        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", Map.of())
                .start("run-3", json("{\"s\": \"" + big + "\"}"), new Asl.Functions(), null, Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.output().get("s").asText()).hasSize(20_000); // the data itself is intact
        HistoryEvent started = e.history().get(0);
        assertThat(started.details().get("input").asText()).hasSize(HistoryEvent.MAX_DATA_CHARS);
        assertThat(started.details().get("inputDetails").get("truncated").asBoolean())
                .isTrue();
    }

    @Test
    void parallelBranchEventsPointBackToTheirOwnBranch() {
        String def = """
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
          {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}}
        """;
        Execution e = Asl.start(def, "{}", new Asl.Functions(), Asl.options());
        e.await();
        List<HistoryEvent> h = e.history();
        long startedId = h.stream()
                .filter(x -> x.type().equals("ParallelStateStarted"))
                .findFirst()
                .orElseThrow()
                .id();
        List<HistoryEvent> entered =
                h.stream().filter(x -> x.type().equals("PassStateEntered")).toList();
        assertThat(entered)
                .hasSize(2)
                .allSatisfy(x -> assertThat(x.previousEventId()).isEqualTo(startedId));
        for (HistoryEvent x :
                h.stream().filter(x -> x.type().equals("PassStateExited")).toList()) {
            HistoryEvent prev = h.get((int) x.previousEventId() - 1);
            assertThat(prev.type()).isEqualTo("PassStateEntered");
            assertThat(prev.details().get("name")).isEqualTo(x.details().get("name"));
        }
    }
}
