package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskTest {

    @Test
    void lambdaInvokeCallsFunctionNameWithPayloadAndWrapsTheResult() {
        String def = """
        {"StartAt": "Seed first generation", "States": {"Seed first generation": {
          "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "%sevolve", "Payload": {"runId.$": "$.runId", "generation": 0}},
          "End": true}}}
        """.formatted(FN);
        Asl.Functions fns =
                new Asl.Functions().on("evolve", p -> json("{\"batches\": 3, \"gen\": " + p.get("generation") + "}"));
        ExecutionResult r = Asl.run(def, "{\"runId\": \"r1\"}", fns);
        assertThat(fns.calls).containsExactly(FN + "evolve");
        assertThat(fns.payloads).containsExactly(json("{\"runId\": \"r1\", \"generation\": 0}"));
        assertThat(r.output())
                .isEqualTo(
                        json(
                                "{\"ExecutedVersion\": \"$LATEST\", \"Payload\": {\"batches\": 3, \"gen\": 0}, \"StatusCode\": 200}"));
    }

    @Test
    void lambdaInvokeWithPayloadPathAndResultSelectorOnPayload() {
        String def = """
        {"StartAt": "T", "States": {"T": {
          "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName.$": "$.fn", "Payload.$": "$.body"},
          "ResultSelector": {"value.$": "$.Payload.v"}, "ResultPath": "$.out", "End": true}}}
        """;
        Asl.Functions fns = new Asl.Functions().on("echo", p -> json("{\"v\": " + p.get("n") + "}"));
        ExecutionResult r = Asl.run(def, "{\"fn\": \"echo\", \"body\": {\"n\": 4}}", fns);
        assertThat(fns.calls).containsExactly("echo");
        assertThat(r.output()).isEqualTo(json("{\"fn\": \"echo\", \"body\": {\"n\": 4}, \"out\": {\"value\": 4}}"));
    }

    @Test
    void plainFunctionArnGetsTheEffectiveInputAndReturnsTheRawResult() {
        String def = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%shealth", "End": true}}}
        """.formatted(FN);
        Asl.Functions fns = new Asl.Functions().on("health", p -> json("{\"db\": \"ok\"}"));
        ExecutionResult r = Asl.run(def, "{\"probe\": 1}", fns);
        assertThat(fns.payloads).containsExactly(json("{\"probe\": 1}"));
        assertThat(r.output()).isEqualTo(json("{\"db\": \"ok\"}"));
    }

    @Test
    void timeoutsReachTheInvokerAndStatesTimeoutIsATaskTimedOutEvent() {
        String def = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Task", "Resource": "%sa", "TimeoutSeconds": 30, "ResultPath": null, "Next": "B"},
          "B": {"Type": "Task", "Resource": "%sa", "TimeoutSecondsPath": "$.limit", "ResultPath": null, "Next": "C"},
          "C": {"Type": "Task", "Resource": "%sa", "ResultPath": null, "Next": "D"},
          "D": {"Type": "Task", "Resource": "%sslow", "TimeoutSeconds": 2, "End": true}}}
        """.formatted(FN, FN, FN, FN);
        Asl.Functions fns = new Asl.Functions().on("a", p -> json("{}")).on("slow", p -> {
            throw new TaskFailedException("States.Timeout", "Task timed out after 2.00 seconds");
        });
        Execution e =
                Asl.start(def, "{\"limit\": 7}", fns, Asl.options().withDefaultTaskTimeout(Duration.ofSeconds(99)));
        ExecutionResult r = e.await();
        assertThat(fns.timeouts)
                .containsExactly(
                        Duration.ofSeconds(30), Duration.ofSeconds(7), Duration.ofSeconds(99), Duration.ofSeconds(2));
        assertThat(r.error()).isEqualTo("States.Timeout");
        assertThat(Asl.types(e)).contains("TaskTimedOut").doesNotContain("TaskFailed");
        HistoryEvent scheduled = e.history().stream()
                .filter(h -> h.type().equals("TaskScheduled"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(scheduled.details().get("timeoutInSeconds").asLong()).isEqualTo(2);
        assertThat(scheduled.details().get("region").asText()).isEqualTo("us-east-1");
    }

    @Test
    void anInvokerBugBecomesATaskFailure() {
        String def = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sbad", "End": true}}}
        """.formatted(FN);
        Asl.Functions fns = new Asl.Functions().on("bad", p -> {
            throw new IllegalStateException("socket closed");
        });
        ExecutionResult r = Asl.run(def, "{}", fns);
        assertThat(r.error()).isEqualTo("States.TaskFailed");
        assertThat(r.cause()).contains("socket closed");
    }
}
