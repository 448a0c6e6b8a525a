package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChoiceTest {

    /** One rule to "Yes", Default "No"; returns which branch ran. */
    private static String decide(String rule, String input) {
        String def = """
        {"StartAt": "Decide", "States": {
          "Decide": {"Type": "Choice", "Choices": [%s], "Default": "No"},
          "Yes": {"Type": "Pass", "Result": "yes", "End": true},
          "No": {"Type": "Pass", "Result": "no", "End": true}}}
        """.formatted(rule);
        ExecutionResult r = run(def, input);
        assertThat(r.status()).as("%s on %s: %s", rule, input, r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return r.output().asText();
    }

    private static String rule(String body) {
        return "{" + body + ", \"Next\": \"Yes\"}";
    }

    static Stream<Arguments> rules() {
        String in = """
        {"s": "banana", "n": 7, "f": 2.5, "b": true, "nul": null, "t": "2024-05-01T12:00:00Z",
         "other": {"s": "banana", "n": 7, "b": true, "t": "2024-06-01T00:00:00+02:00", "low": "apple"}, "file": "run-42.csv"}
        """;
        return Stream.of(
                // strings
                Arguments.of("\"Variable\": \"$.s\", \"StringEquals\": \"banana\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"StringEquals\": \"Banana\"", in, "no"),
                Arguments.of("\"Variable\": \"$.s\", \"StringLessThan\": \"cherry\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"StringGreaterThan\": \"cherry\"", in, "no"),
                Arguments.of("\"Variable\": \"$.s\", \"StringLessThanEquals\": \"banana\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"StringGreaterThanEquals\": \"banana\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"StringEqualsPath\": \"$.other.s\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"StringGreaterThanPath\": \"$.other.low\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"StringLessThanPath\": \"$.other.low\"", in, "no"),
                Arguments.of("\"Variable\": \"$.s\", \"StringLessThanEqualsPath\": \"$.other.s\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"StringGreaterThanEqualsPath\": \"$.other.low\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.file\", \"StringMatches\": \"run-*.csv\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.file\", \"StringMatches\": \"run-\\\\*.csv\"", in, "no"),
                Arguments.of("\"Variable\": \"$.n\", \"StringEquals\": \"7\"", in, "no"), // type mismatch is false
                // numbers
                Arguments.of("\"Variable\": \"$.n\", \"NumericEquals\": 7", in, "yes"),
                Arguments.of("\"Variable\": \"$.n\", \"NumericEquals\": 7.0", in, "yes"),
                Arguments.of("\"Variable\": \"$.f\", \"NumericLessThan\": 3", in, "yes"),
                Arguments.of("\"Variable\": \"$.f\", \"NumericGreaterThan\": 3", in, "no"),
                Arguments.of("\"Variable\": \"$.n\", \"NumericLessThanEquals\": 7", in, "yes"),
                Arguments.of("\"Variable\": \"$.n\", \"NumericGreaterThanEquals\": 8", in, "no"),
                Arguments.of("\"Variable\": \"$.n\", \"NumericEqualsPath\": \"$.other.n\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.f\", \"NumericLessThanPath\": \"$.n\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.f\", \"NumericGreaterThanPath\": \"$.n\"", in, "no"),
                Arguments.of("\"Variable\": \"$.n\", \"NumericLessThanEqualsPath\": \"$.other.n\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.n\", \"NumericGreaterThanEqualsPath\": \"$.f\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"NumericEquals\": 7", in, "no"),
                // booleans
                Arguments.of("\"Variable\": \"$.b\", \"BooleanEquals\": true", in, "yes"),
                Arguments.of("\"Variable\": \"$.b\", \"BooleanEquals\": false", in, "no"),
                Arguments.of("\"Variable\": \"$.b\", \"BooleanEqualsPath\": \"$.other.b\"", in, "yes"),
                // timestamps
                Arguments.of("\"Variable\": \"$.t\", \"TimestampEquals\": \"2024-05-01T14:00:00+02:00\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.t\", \"TimestampLessThan\": \"2024-05-02T00:00:00Z\"", in, "yes"),
                Arguments.of("\"Variable\": \"$.t\", \"TimestampGreaterThan\": \"2024-05-02T00:00:00Z\"", in, "no"),
                Arguments.of("\"Variable\": \"$.t\", \"TimestampLessThanEqualsPath\": \"$.other.t\"", in, "yes"),
                Arguments.of(
                        "\"Variable\": \"$.t\", \"TimestampGreaterThanEquals\": \"2024-05-01T12:00:00Z\"", in, "yes"),
                // type tests
                Arguments.of("\"Variable\": \"$.nul\", \"IsNull\": true", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"IsNull\": false", in, "yes"),
                Arguments.of("\"Variable\": \"$.missing\", \"IsPresent\": false", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"IsPresent\": true", in, "yes"),
                Arguments.of("\"Variable\": \"$.f\", \"IsNumeric\": true", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"IsString\": true", in, "yes"),
                Arguments.of("\"Variable\": \"$.b\", \"IsBoolean\": true", in, "yes"),
                Arguments.of("\"Variable\": \"$.t\", \"IsTimestamp\": true", in, "yes"),
                Arguments.of("\"Variable\": \"$.s\", \"IsTimestamp\": true", in, "no"),
                // Boolean logic
                Arguments.of(
                        "\"And\": [{\"Variable\": \"$.n\", \"NumericGreaterThan\": 5}, {\"Variable\": \"$.b\", \"BooleanEquals\": true}]",
                        in,
                        "yes"),
                Arguments.of(
                        "\"And\": [{\"Variable\": \"$.n\", \"NumericGreaterThan\": 5}, {\"Variable\": \"$.b\", \"BooleanEquals\": false}]",
                        in,
                        "no"),
                Arguments.of(
                        "\"Or\": [{\"Variable\": \"$.n\", \"NumericGreaterThan\": 50}, {\"Variable\": \"$.s\", \"StringEquals\": \"banana\"}]",
                        in,
                        "yes"),
                Arguments.of("\"Not\": {\"Variable\": \"$.s\", \"StringEquals\": \"banana\"}", in, "no"),
                Arguments.of(
                        "\"Not\": {\"Or\": [{\"Variable\": \"$.missing\", \"IsPresent\": true}, {\"Variable\": \"$.n\", \"NumericLessThan\": 0}]}",
                        in,
                        "yes"),
                // context object variables
                Arguments.of("\"Variable\": \"$$.Execution.Name\", \"StringEquals\": \"test-run\"", in, "yes"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("rules")
    void operators(String rule, String input, String expected) {
        assertThat(decide(rule(rule), input)).isEqualTo(expected);
    }

    @Test
    void firstMatchingRuleWinsAndInputFlowsThroughOutputPath() {
        String def = """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "InputPath": "$.d", "OutputPath": "$.v", "Choices": [
             {"Variable": "$.v", "NumericGreaterThan": 1, "Next": "A"},
             {"Variable": "$.v", "NumericGreaterThan": 0, "Next": "B"}]},
          "A": {"Type": "Pass", "ResultPath": "$", "Parameters": {"went": "A", "in.$": "$"}, "End": true},
          "B": {"Type": "Pass", "End": true}}}
        """;
        assertThat(run(def, "{\"d\": {\"v\": 5}}").output()).isEqualTo(Asl.json("{\"went\": \"A\", \"in\": 5}"));
    }

    @Test
    void noMatchAndNoDefaultFailsWithNoChoiceMatched() {
        String def = """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [{"Variable": "$.v", "NumericEquals": 1, "Next": "A"}]},
          "A": {"Type": "Succeed"}}}
        """;
        ExecutionResult r = run(def, "{\"v\": 2}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.NoChoiceMatched");
        assertThat(r.cause()).contains("state \"C\"");
    }

    @Test
    void comparingAMissingVariableIsARuntimeError() {
        String def = """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [{"Variable": "$.nope", "NumericEquals": 1, "Next": "A"}], "Default": "A"},
          "A": {"Type": "Succeed"}}}
        """;
        ExecutionResult r = run(def, "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("state \"C\"").contains("$.nope");
    }

    @Test
    void malformedRulesAreRejectedAtParseTime() {
        String base = """
        {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [%s], "Default": "A"}, "A": {"Type": "Succeed"}}}
        """;
        assertThatThrownBy(() -> StateMachine.parse(
                        base.formatted("{\"Variable\": \"$.a\", \"NumericEquals\": \"x\", \"Next\": \"A\"}"), Map.of()))
                .isInstanceOf(AslException.class)
                .hasMessageContaining("state \"C\"")
                .hasMessageContaining("NumericEquals");
        assertThatThrownBy(() -> StateMachine.parse(
                        base.formatted("{\"Variable\": \"$.a\", \"StringEquals\": \"x\"}"), Map.of()))
                .hasMessageContaining("needs Next");
        assertThatThrownBy(() -> StateMachine.parse(
                        base.formatted(
                                "{\"Not\": {\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"A\"}, \"Next\": \"A\"}"),
                        Map.of()))
                .hasMessageContaining("nested rule must not have Next");
        assertThatThrownBy(() -> StateMachine.parse(
                        base.formatted(
                                "{\"Variable\": \"$.a\", \"IsNull\": true, \"IsString\": true, \"Next\": \"A\"}"),
                        Map.of()))
                .hasMessageContaining("two operators");
        assertThatThrownBy(() -> StateMachine.parse(
                        base.formatted("{\"Variable\": \"$.a\", \"StringEqualz\": \"x\", \"Next\": \"A\"}"), Map.of()))
                .hasMessageContaining("unknown field StringEqualz");
    }
}
