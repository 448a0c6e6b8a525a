package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parse-time validation: substitutions, unsupported features, structural errors. */
class DefinitionTest {

    private static void rejects(String def, String message) {
        assertThatThrownBy(() -> StateMachine.parse(def, Map.of()))
                .isInstanceOf(AslException.class)
                .hasMessageContaining(message);
    }

    @Test
    void substitutionsAreReplacedBeforeParsing() {
        String def = """
        {"StartAt": "Check health", "States": {"Check health": {"Type": "Task", "Resource": "${HealthFunctionArn}", "End": true}}}
        """;
        Asl.Functions fns = new Asl.Functions().on("phylo-health", p -> Asl.json("{\"ok\": true}"));
        ExecutionResult r = StateMachine.parse(def, Map.of("HealthFunctionArn", FN + "phylo-health"))
                .start("run-1", Asl.json("{}"), fns, null, Asl.options())
                .await();
        assertThat(r.output()).isEqualTo(Asl.json("{\"ok\": true}"));
        assertThat(fns.calls).containsExactly(FN + "phylo-health");
    }

    @Test
    void anUnknownSubstitutionIsAnErrorNamingIt() {
        String def = """
        {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${EvaluateFunctionArn}", "Next": "B"},
         "B": {"Type": "Task", "Resource": "${PersistFunctionArn}", "End": true}}}
        """;
        assertThatThrownBy(() -> StateMachine.parse(def, Map.of("PersistFunctionArn", FN + "persist")))
                .isInstanceOf(AslException.class)
                .hasMessage(
                        "definition: no substitution for ${EvaluateFunctionArn} (DefinitionSubstitutions has no EvaluateFunctionArn)");
    }

    @Test
    void unsupportedFieldsNameTheStateAndTheField() {
        rejects(
                """
        {"StartAt": "Evaluate generation", "States": {"Evaluate generation": {"Type": "Map",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
          "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "b", "Prefix": "p"},
            "WriterConfig": {"OutputType": "JSONL", "Transformation": "NONE"}},
          "End": true}}}
        """,
                "state \"Evaluate generation\": field ResultWriter.WriterConfig is not supported by the local runner");
        rejects(
                """
        {"StartAt": "M", "States": {"M": {"Type": "Map",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV"},
            "Parameters": {"Bucket": "b", "Key": "k"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
        """,
                "state \"M\": field ItemReader.ReaderConfig.InputType \"CSV\" is not supported by the local runner");
        rejects("""
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf", "HeartbeatSeconds": 60, "End": true}}}
        """.formatted(FN), "state \"T\": field HeartbeatSeconds is not supported by the local runner");
        rejects("""
        {"StartAt": "T", "States": {"T": {"Type": "Pass", "Assign": {"x": 1}, "End": true}}}
        """, "state \"T\": field Assign is not supported by the local runner");
        rejects("""
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Pass", "End": true}}}
        """, "QueryLanguage \"JSONata\" is not supported by the local runner");
    }

    @Test
    void onlyLambdaResourcesAreSupported() {
        rejects(
                """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "End": true}}}
        """,
                "state \"T\": field Resource \"arn:aws:states:::dynamodb:putItem\" is not supported by the local runner");
        rejects("""
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "f"}, "End": true}}}
        """, "is not supported by the local runner");
        rejects("""
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "f", "InvocationType": "Event"}, "End": true}}}
        """, "state \"T\": field Parameters.InvocationType is not supported by the local runner");
        rejects("""
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"Payload": {}}, "End": true}}}
        """, "FunctionName");
    }

    @Test
    void structuralErrors() {
        rejects(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}}}",
                "state \"A\": transition to \"Nowhere\"");
        rejects(
                "{\"StartAt\": \"Z\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}",
                "StartAt names \"Z\"");
        rejects(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}, \"B\": {\"Type\": \"Pass\", \"End\": true}}}",
                "state \"B\": is not reachable");
        rejects(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\"}}}",
                "state \"A\": field Next or End is required");
        rejects(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\", \"End\": true}}}",
                "state \"A\": field End is not valid in a Succeed state");
        rejects(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pause\", \"End\": true}}}",
                "unknown value \"Pause\"");
        rejects(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"InputPath\": \"$.a[*]\", \"End\": true}}}",
                "state \"A\": field InputPath '$.a[*]' must be a reference path");
        rejects(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"ResultPath\": \"$$.x\", \"End\": true}}}",
                "state \"A\": field ResultPath");
        rejects(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Parameters\": {\"a.$\": 1}, \"End\": true}}}",
                "state \"A\": field Parameters: the value of 'a.$' must be a string");
        rejects(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}, \"Extra\": 1}",
                "definition: field Extra is not a valid top-level field");
        rejects(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}, \"TimeoutSeconds\": 0}",
                "TimeoutSeconds must be a positive integer");
        rejects("{\"StartAt\": \"A\", \"States\": {", "not valid JSON");
        rejects("""
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "In", "States": {"In": {"Type": "Pass", "Next": "P"}}}]}}}
        """, "state \"In\": transition to \"P\", which is not a state of the same branch");
        rejects("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
        """, "ExecutionType must be EXPRESS or STANDARD");
    }

    @Test
    void aValidDefinitionWithEveryStateTypeParses() {
        String def = """
        {"Comment": "all types", "Version": "1.0", "TimeoutSeconds": 60, "QueryLanguage": "JSONPath",
         "StartAt": "Pass", "States": {
          "Pass": {"Type": "Pass", "Next": "Task"},
          "Task": {"Type": "Task", "Resource": "%sf", "Next": "Choice"},
          "Choice": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Wait"}], "Default": "Fail"},
          "Wait": {"Type": "Wait", "Seconds": 0, "Next": "Parallel"},
          "Parallel": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}], "Next": "Map"},
          "Map": {"Type": "Map", "Iterator": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}, "Next": "Done"},
          "Done": {"Type": "Succeed"},
          "Fail": {"Type": "Fail", "Error": "E"}}}
        """.formatted(FN);
        StateMachine sm = StateMachine.parse(def, Map.of());
        assertThat(sm.comment()).isEqualTo("all types");
    }

    @Test
    void executionNamesFollowStepFunctionsRules() {
        StateMachine sm =
                StateMachine.parse("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}", Map.of());
        assertThatThrownBy(() -> sm.start("has space", null, new Asl.Functions(), null, Asl.options()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sm.start("x".repeat(81), null, new Asl.Functions(), null, Asl.options()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sm.start("run-1_a.b", null, new Asl.Functions(), null, Asl.options())
                        .await()
                        .output())
                .isEqualTo(Asl.json("{}"));
    }
}
