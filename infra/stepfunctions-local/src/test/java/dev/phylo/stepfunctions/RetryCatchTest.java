package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryCatchTest {

    private static Asl.Fn failing(String error) {
        return p -> {
            throw new TaskFailedException(error, "it broke");
        };
    }

    @Test
    void backoffDelaysAreCappedByMaxDelaySecondsThenCatchInjectsTheError() {
        String def = """
        {"StartAt": "Persist", "States": {
          "Persist": {"Type": "Task", "Resource": "%spersist",
            "Retry": [{"ErrorEquals": ["Neon.Unavailable"], "IntervalSeconds": 1, "BackoffRate": 2,
                       "MaxDelaySeconds": 3, "MaxAttempts": 4}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure", "Next": "Mark failed"}],
            "End": true},
          "Mark failed": {"Type": "Pass", "End": true}}}
        """.formatted(FN);
        Asl.RecordingSleeper sleeper = new Asl.RecordingSleeper();
        Asl.Functions fns = new Asl.Functions().on("persist", failing("Neon.Unavailable"));
        Execution e = Asl.start(def, "{\"runId\": \"r1\"}", fns, Asl.options(sleeper));
        ExecutionResult r = e.await();

        assertThat(sleeper.millis()).containsExactly(1000L, 2000L, 3000L, 3000L);
        assertThat(fns.count.get()).isEqualTo(5); // first attempt + 4 retries
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output())
                .isEqualTo(
                        json(
                                "{\"runId\": \"r1\", \"failure\": {\"Error\": \"Neon.Unavailable\", \"Cause\": \"it broke\"}}"));
        assertThat(Asl.types(e))
                .containsSubsequence(
                        "TaskFailed", "TaskScheduled", "TaskFailed", "TaskStateExited", "PassStateEntered");
    }

    @Test
    void defaultsAreOneSecondThreeAttemptsBackoffTwo() {
        String def = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf",
            "Retry": [{"ErrorEquals": ["States.ALL"]}], "End": true}}}
        """.formatted(FN);
        Asl.RecordingSleeper sleeper = new Asl.RecordingSleeper();
        Asl.Functions fns = new Asl.Functions().on("f", failing("Boom"));
        ExecutionResult r = Asl.run(def, "{}", fns, Asl.options(sleeper));
        assertThat(sleeper.millis()).containsExactly(1000L, 2000L, 4000L);
        assertThat(r.error()).isEqualTo("Boom");
        assertThat(r.cause()).isEqualTo("it broke");
    }

    @Test
    void retryCountIsInTheContextAndSuccessAfterRetries() {
        String def = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sflaky",
            "Parameters": {"attempt.$": "$$.State.RetryCount"},
            "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 5}], "End": true}}}
        """.formatted(FN);
        AtomicInteger calls = new AtomicInteger();
        Asl.Functions fns = new Asl.Functions().on("flaky", p -> {
            if (calls.incrementAndGet() < 3) {
                throw new TaskFailedException("Flaky", "try again");
            }
            return json("{\"ok\": true}");
        });
        ExecutionResult r = Asl.run(def, "{}", fns);
        assertThat(r.output()).isEqualTo(json("{\"ok\": true}"));
        assertThat(fns.payloads).extracting(p -> p.get("attempt").asInt()).containsExactly(0, 1, 2);
    }

    @Test
    void maxAttemptsZeroNeverRetriesAndRetriersAreCheckedInOrder() {
        String def = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf",
            "Retry": [{"ErrorEquals": ["Boom"], "MaxAttempts": 0},
                      {"ErrorEquals": ["States.ALL"], "MaxAttempts": 5}], "End": true}}}
        """.formatted(FN);
        Asl.Functions fns = new Asl.Functions().on("f", failing("Boom"));
        Asl.RecordingSleeper sleeper = new Asl.RecordingSleeper();
        ExecutionResult r = Asl.run(def, "{}", fns, Asl.options(sleeper));
        assertThat(fns.count.get()).isEqualTo(1); // the first matching retrier decides, even when exhausted
        assertThat(sleeper.sleeps).isEmpty();
        assertThat(r.error()).isEqualTo("Boom");
    }

    @Test
    void taskFailedMatchesEverythingButTimeout() {
        String def = """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "%sf",
            "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Succeed"}}}
        """.formatted(FN);
        ExecutionResult r = Asl.run(def, "{}", new Asl.Functions().on("f", failing("Any.Error")));
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json("{\"Error\": \"Any.Error\", \"Cause\": \"it broke\"}"));

        r = Asl.run(def, "{}", new Asl.Functions().on("f", failing("States.Timeout")));
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Timeout");
    }

    @Test
    void fullJitterDrawsBelowTheDelayAndReplaysForTheSameExecutionName() {
        String def = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf",
            "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 10, "MaxAttempts": 3, "JitterStrategy": "FULL"}],
            "End": true}}}
        """.formatted(FN);
        Asl.RecordingSleeper first = new Asl.RecordingSleeper();
        Asl.RecordingSleeper second = new Asl.RecordingSleeper();
        Asl.run(def, "{}", new Asl.Functions().on("f", failing("Boom")), Asl.options(first));
        Asl.run(def, "{}", new Asl.Functions().on("f", failing("Boom")), Asl.options(second));
        List<Long> d = first.millis();
        assertThat(d).hasSize(3);
        assertThat(d.get(0)).isBetween(0L, 10_000L);
        assertThat(d.get(1)).isBetween(0L, 20_000L);
        assertThat(d.get(2)).isBetween(0L, 40_000L);
        assertThat(d).isNotEqualTo(List.of(10_000L, 20_000L, 40_000L));
        assertThat(second.millis()).isEqualTo(d);
    }

    @Test
    void catchersAreEvaluatedInOrderWithDefaultResultPathDollar() {
        String def = """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "%sf", "Catch": [
              {"ErrorEquals": ["Other"], "Next": "Wrong"},
              {"ErrorEquals": ["Boom", "Other2"], "Next": "Right"},
              {"ErrorEquals": ["States.ALL"], "Next": "Wrong"}], "End": true},
          "Wrong": {"Type": "Fail", "Error": "Wrong"},
          "Right": {"Type": "Pass", "End": true}}}
        """.formatted(FN);
        ExecutionResult r = Asl.run(def, "{\"kept\": false}", new Asl.Functions().on("f", failing("Boom")));
        assertThat(r.output()).isEqualTo(json("{\"Error\": \"Boom\", \"Cause\": \"it broke\"}"));
    }

    @Test
    void catchResultPathNullKeepsTheOriginalInput() {
        String def = """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "%sf", "InputPath": "$.a",
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": null, "Next": "Done"}], "End": true},
          "Done": {"Type": "Pass", "End": true}}}
        """.formatted(FN);
        ExecutionResult r = Asl.run(def, "{\"a\": 1, \"b\": 2}", new Asl.Functions().on("f", failing("Boom")));
        assertThat(r.output()).isEqualTo(json("{\"a\": 1, \"b\": 2}"));
    }

    @Test
    void statesAllMustBeAloneAndLast() {
        String def = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf",
            "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["Boom"]}], "End": true}}}
        """.formatted(FN);
        assertThatThrownBy(() -> StateMachine.parse(def, Map.of()))
                .isInstanceOf(AslException.class)
                .hasMessageContaining("state \"T\"")
                .hasMessageContaining("Retry[0]")
                .hasMessageContaining("last");
        String def2 = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf",
            "Catch": [{"ErrorEquals": ["States.ALL", "Boom"], "Next": "T"}], "End": true}}}
        """.formatted(FN);
        assertThatThrownBy(() -> StateMachine.parse(def2, Map.of())).hasMessageContaining("alone");
        String def3 = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf",
            "Catch": [{"ErrorEquals": ["States.Bogus"], "Next": "T"}], "End": true}}}
        """.formatted(FN);
        assertThatThrownBy(() -> StateMachine.parse(def3, Map.of())).hasMessageContaining("States.Bogus");
    }

    @Test
    void runtimeErrorsAreNotCaughtByStatesAll() {
        String def = """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "%sf", "Parameters": {"x.$": "$.missing"},
                "Retry": [{"ErrorEquals": ["States.ALL"]}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}], "End": true},
          "Done": {"Type": "Succeed"}}}
        """.formatted(FN);
        Asl.Functions fns = new Asl.Functions().on("f", p -> p);
        ExecutionResult r = Asl.run(def, "{}", fns);
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(fns.count.get()).isZero();
    }
}
