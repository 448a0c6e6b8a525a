package dev.phylo.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailTest {

    @Test
    void errorPathAndCausePathReadTheInput() {
        String def = """
        {"StartAt": "Mark run failed", "States": {"Mark run failed": {"Type": "Fail",
            "ErrorPath": "$.failure.Error", "CausePath": "$.failure.Cause"}}}
        """;
        Execution e = Asl.start(
                def,
                "{\"failure\": {\"Error\": \"Evaluate.Crashed\", \"Cause\": \"batch 7 ran out of memory\"}}",
                new Asl.Functions(),
                Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("Evaluate.Crashed");
        assertThat(r.cause()).isEqualTo("batch 7 ran out of memory");
        assertThat(Asl.types(e)).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
        HistoryEvent last = e.history().get(2);
        assertThat(last.details().get("error").asText()).isEqualTo("Evaluate.Crashed");
        assertThat(last.details().get("cause").asText()).isEqualTo("batch 7 ran out of memory");
    }

    @Test
    void staticErrorAndIntrinsicCausePath() {
        String def = """
        {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Run.Failed",
            "CausePath": "States.Format('run {} failed in generation {}', $.runId, $.generation)"}}}
        """;
        ExecutionResult r = Asl.run(def, "{\"runId\": \"r9\", \"generation\": 3}");
        assertThat(r.error()).isEqualTo("Run.Failed");
        assertThat(r.cause()).isEqualTo("run r9 failed in generation 3");
    }

    @Test
    void causePathMustSelectAString() {
        String def = "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"CausePath\":\"$.n\"}}}";
        ExecutionResult r = Asl.run(def, "{\"n\": 1}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("state \"F\"").contains("CausePath");
    }
}
