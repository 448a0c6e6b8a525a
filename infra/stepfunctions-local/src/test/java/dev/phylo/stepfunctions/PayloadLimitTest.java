package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The 256 KiB payload quota ("Maximum input or output size for a task, state, or execution",
 * https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html).
 */
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

    @Test
    void anExecutionInputOverTheDefault256KiBFailsAndOneAtTheLimitRuns() {
        String def = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
        // {"s":"..."} is 8 bytes around the string
        ExecutionResult r = Asl.run(def, "{\"s\": \"" + big(262_145 - 8) + "\"}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause())
                .contains("execution input")
                .contains("262145 bytes")
                .contains("262144 bytes");
        assertThat(Asl.run(def, "{\"s\": \"" + big(262_144 - 8) + "\"}").succeeded())
                .isTrue();
    }

    /** What an evaluate child answers in the real state machine (its Task's ResultSelector keeps three numbers). */
    private static final String SUMMARY = "{\"count\":100,\"bestFitness\":1.2345678901234567,\"millis\":12345}";

    @Test
    void aDistributedMapWhoseChildrenReturnTooMuchFailsEvenWithResultPathNull() {
        String def = """
        {"StartAt": "Evaluate generation", "States": {
          "Evaluate generation": {"Type": "Map", "ResultPath": null,
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
              "StartAt": "Evaluate batch", "States": {
                "Evaluate batch": {"Type": "Task", "Resource": "%sevaluate", "End": true}}},
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Succeed"}}}
        """.formatted(FN);
        int children = 10_000;
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < children; i++) {
            items.append(i == 0 ? "" : ",").append(i);
        }
        Asl.Functions fns = new Asl.Functions().on("evaluate", p -> json(SUMMARY));
        ExecutionResult r = Asl.run(def, items.append(']').toString(), fns);
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        // [s,s,...,s]: the brackets, 10,000 summaries and 9,999 commas
        int collected = 2 + children * SUMMARY.length() + (children - 1);
        assertThat(collected).isGreaterThan(262_144);
        assertThat(r.cause())
                .contains("state \"Evaluate generation\"")
                .contains("10000 collected results")
                .contains(collected + " bytes")
                .contains("262144 bytes")
                .contains("ResultWriter");
        assertThat(fns.count.get()).isEqualTo(children);
    }

    private static final String INLINE_MAP = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.n", "ResultPath": null,
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "abcdefghij", "End": true}}},
          "End": true}}}
        """;

    @Test
    void anInlineMapsCollectedResultsAreCheckedBeforeResultPath() {
        // ["abcdefghij","abcdefghij","abcdefghij"] is 2 + 3 * 12 + 2 = 40 bytes; the input {"n":[1,2,3]} is 13
        Execution e = Asl.start(
                INLINE_MAP,
                "{\"n\": [1, 2, 3]}",
                new Asl.Functions(),
                Asl.options().withMaxPayloadBytes(39));
        ExecutionResult r = e.await();
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause())
                .isEqualTo("state \"M\": the array of the 3 collected results is 40 bytes, more than the maximum"
                        + " payload size of 39 bytes");
        assertThat(Asl.types(e)).contains("MapStateFailed").doesNotContain("MapStateSucceeded");
        ExecutionResult fits = Asl.run(
                INLINE_MAP,
                "{\"n\": [1, 2, 3]}",
                new Asl.Functions(),
                Asl.options().withMaxPayloadBytes(40));
        assertThat(fits.output()).isEqualTo(json("{\"n\": [1, 2, 3]}"));
    }

    @Test
    void aParallelStatesCollectedResultsAreCheckedBeforeResultPath() {
        String def = """
        {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "ResultPath": null, "End": true, "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "abcdefghij", "End": true}}},
          {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": "abcdefghij", "End": true}}}]}}}
        """;
        // ["abcdefghij","abcdefghij"] is 2 + 2 * 12 + 1 = 27 bytes
        ExecutionResult r =
                Asl.run(def, "{}", new Asl.Functions(), Asl.options().withMaxPayloadBytes(26));
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).contains("state \"Both\"").contains("2 collected results is 27 bytes");
        assertThat(Asl.run(def, "{}", new Asl.Functions(), Asl.options().withMaxPayloadBytes(27))
                        .succeeded())
                .isTrue();
    }

    @Test
    void theExecutionReportsTheLargestPayloadItsChecksSaw() {
        String def = """
        {"StartAt": "Grow", "States": {"Grow": {"Type": "Pass", "Parameters": {"a.$": "$.s", "b.$": "$.s"}, "End": true}}}
        """;
        Execution e = Asl.start(def, "{\"s\": \"" + big(1_000) + "\"}", new Asl.Functions(), Asl.options());
        assertThat(e.await().succeeded()).isTrue();
        // {"a":"x…x","b":"x…x"}: 2 x 1,000 characters and 15 of JSON
        assertThat(e.largestPayload()).isEqualTo(new PayloadSize(2_015, "state \"Grow\": the state output"));
    }
}
