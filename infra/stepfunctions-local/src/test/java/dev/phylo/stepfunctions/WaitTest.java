package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void secondsSecondsPathTimestampAndTimestampPathGoThroughTheSleeper() {
        String def = """
        {"StartAt": "W1", "States": {
          "W1": {"Type": "Wait", "Seconds": 5, "Next": "W2"},
          "W2": {"Type": "Wait", "SecondsPath": "$.delay", "Next": "W3"},
          "W3": {"Type": "Wait", "Timestamp": "2024-05-01T12:01:00Z", "Next": "W4"},
          "W4": {"Type": "Wait", "TimestampPath": "$.until", "Next": "W5"},
          "W5": {"Type": "Wait", "Timestamp": "2020-01-01T00:00:00Z", "InputPath": "$.delay", "End": true}}}
        """;
        Asl.RecordingSleeper sleeper = new Asl.RecordingSleeper();
        ExecutionResult r = Asl.run(
                def,
                "{\"delay\": 2, \"until\": \"2024-05-01T13:00:00+01:00\"}",
                new Asl.Functions(),
                Asl.options(sleeper));
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // the clock is fixed at 12:00:00Z; 13:00+01:00 is now; 2020 is in the past
        assertThat(sleeper.millis()).containsExactly(5_000L, 2_000L, 60_000L, 0L, 0L);
        assertThat(r.output()).isEqualTo(json("2"));
    }

    @Test
    void badSecondsPathValueIsARuntimeError() {
        String def = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.d\",\"End\":true}}}";
        ExecutionResult r = Asl.run(def, "{\"d\": \"soon\"}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("state \"W\"").contains("SecondsPath");
    }

    @Test
    void waitNeedsExactlyOneOfItsFields() {
        String def =
                "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":1,\"SecondsPath\":\"$.d\",\"End\":true}}}";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StateMachine.parse(def, Map.of()))
                .isInstanceOf(AslException.class)
                .hasMessageContaining("state \"W\"")
                .hasMessageContaining("exactly one");
    }

    @Test
    void realSleeperActuallyWaits() {
        String def = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":1,\"End\":true}}}";
        long t0 = System.nanoTime();
        ExecutionResult r = Asl.run(def, "{}", new Asl.Functions(), ExecutionOptions.defaults());
        assertThat(r.succeeded()).isTrue();
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(950);
    }
}
