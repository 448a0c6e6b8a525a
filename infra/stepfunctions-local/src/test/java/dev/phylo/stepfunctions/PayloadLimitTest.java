package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadLimitTest {

    private static String big(int chars) {
        return "x".repeat(chars);
    }

    @Test
    void aStateOutputOverTheLimitFailsWithDataLimitExceededNamingStateAndSize() {
        String def = """
        {"StartAt": "Grow", "States": {"Grow": {"Type": "Pass", "Parameters": {"a.$": "$.s", "b.$": "$.s"}, "End": true}}}
        """;
        // input: {"s":"xxx..."} = 150008 bytes (under 262144); output holds it twice = 300015 bytes
        ExecutionResult r = Asl.run(def, "{\"s\": \"" + big(150_000) + "\"}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause())
                .contains("state \"Grow\"")
                .contains("300015 bytes")
                .contains("262144");
    }

    @Test
    void aTaskResultOverTheLimitIsNotCaughtByStatesAll() {
        String def = """
        {"StartAt": "Evaluate", "States": {
          "Evaluate": {"Type": "Task", "Resource": "%sbig",
            "Retry": [{"ErrorEquals": ["States.ALL"]}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Succeed"}}}
        """.formatted(FN);
        Asl.Functions fns = new Asl.Functions().on("big", p -> json("\"" + big(300_000) + "\""));
        Execution e = Asl.start(def, "{}", fns, Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause())
                .contains("state \"Evaluate\"")
                .contains("task result")
                .contains("300002 bytes");
        assertThat(fns.count.get()).isEqualTo(1);
    }

    @Test
    void theLimitComesFromTheOptions() {
        String def = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
        ExecutionResult r = Asl.run(
                def,
                "{\"s\": \"" + big(100) + "\"}",
                new Asl.Functions(),
                Asl.options().withMaxPayloadBytes(64));
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).contains("execution input").contains("108 bytes");
        r = Asl.run(
                def,
                "{\"s\": \"" + big(50) + "\"}",
                new Asl.Functions(),
                Asl.options().withMaxPayloadBytes(64));
        assertThat(r.succeeded()).isTrue();
    }
}
