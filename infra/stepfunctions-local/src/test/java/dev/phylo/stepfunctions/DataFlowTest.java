package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static dev.phylo.stepfunctions.Asl.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** InputPath -> Parameters -> (task) -> ResultSelector -> ResultPath -> OutputPath, in the spec's order. */
class DataFlowTest {

    /**
     * Built from the examples of the AWS guide's "Processing input and output" pages: the Parameters
     * example's input and template, and the ResultSelector example's EMR-like task result. Expected
     * values are worked out by hand:
     *
     * <pre>
     * InputPath $.product         -> {"details":{...},"availability":"in stock","sku":"2317","cost":"$23"}
     * Parameters                  -> {"comment":"Selecting what I care about.",
     *                                 "MyDetails":{"size":"small","exists":"in stock","StaticValue":"foo"}}
     * task result                 -> {"resourceType":"elasticmapreduce","resource":"createCluster.sync","output":{...}}
     * ResultSelector              -> {"ClusterId":"AKIAIOSFODNN7EXAMPLE","ResourceType":"elasticmapreduce"}
     * ResultPath $.product.EMROutput (into the RAW input, next to details/sku/...)
     * OutputPath $.product        -> the product object with EMROutput added
     * </pre>
     */
    @Test
    void pathsAndTemplatesApplyInTheSpecOrder() {
        String def = """
        {"StartAt": "Create cluster", "States": {"Create cluster": {
          "Type": "Task",
          "Resource": "%screate-cluster",
          "InputPath": "$.product",
          "Parameters": {
            "comment": "Selecting what I care about.",
            "MyDetails": {"size.$": "$.details.size", "exists.$": "$.availability", "StaticValue": "foo"}
          },
          "ResultSelector": {"ClusterId.$": "$.output.ClusterId", "ResourceType.$": "$.resourceType"},
          "ResultPath": "$.product.EMROutput",
          "OutputPath": "$.product",
          "End": true}}}
        """.formatted(FN);
        String input = """
        {"comment": "Example for Parameters.",
         "product": {"details": {"color": "blue", "size": "small", "material": "cotton"},
                     "availability": "in stock", "sku": "2317", "cost": "$23"}}
        """;
        Asl.Functions fns = new Asl.Functions().on("create-cluster", p -> json("""
                        {"resourceType": "elasticmapreduce", "resource": "createCluster.sync",
                         "output": {"SdkHttpMetadata": {"HttpStatusCode": 200},
                                    "SdkResponseMetadata": {"RequestId": "1234-5678-9012"},
                                    "ClusterId": "AKIAIOSFODNN7EXAMPLE"}}
                        """));

        ExecutionResult r = run(def, input, fns);

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(fns.payloads).containsExactly(json("""
                {"comment": "Selecting what I care about.",
                 "MyDetails": {"size": "small", "exists": "in stock", "StaticValue": "foo"}}
                """));
        assertThat(r.output()).isEqualTo(json("""
                {"details": {"color": "blue", "size": "small", "material": "cotton"},
                 "availability": "in stock", "sku": "2317", "cost": "$23",
                 "EMROutput": {"ClusterId": "AKIAIOSFODNN7EXAMPLE", "ResourceType": "elasticmapreduce"}}
                """));
    }

    @Test
    void resultPathCreatesMissingObjectsAndNullDiscards() {
        String def = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Result": 42, "ResultPath": "$.a.b.c", "Next": "B"},
          "B": {"Type": "Pass", "Result": "ignored", "ResultPath": null, "Next": "C"},
          "C": {"Type": "Pass", "InputPath": null, "Result": {"x": 1}, "ResultPath": "$.fromEmpty", "ResultPath": "$.r", "End": true}
        }}
        """;
        // duplicate keys are rejected: a strict parser
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(def, "{}"))
                .isInstanceOf(AslException.class)
                .hasMessageContaining("Duplicate field 'ResultPath'");

        String ok = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Result": 42, "ResultPath": "$.a.b.c", "Next": "B"},
          "B": {"Type": "Pass", "Result": "ignored", "ResultPath": null, "Next": "C"},
          "C": {"Type": "Pass", "Parameters": {"copy.$": "$.a.b"}, "ResultPath": "$.a['copied']", "OutputPath": "$.a", "End": true}
        }}
        """;
        ExecutionResult r = run(ok, "{\"keep\": true}");
        assertThat(r.output()).isEqualTo(json("{\"b\": {\"c\": 42}, \"copied\": {\"copy\": {\"c\": 42}}}"));
    }

    @Test
    void inputPathNullGivesEmptyObjectAndOutputPathNullDiscards() {
        String def = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "InputPath": null, "ResultPath": "$.seen", "Next": "B"},
          "B": {"Type": "Pass", "OutputPath": null, "End": true}
        }}
        """;
        Execution e = Asl.start(def, "{\"x\": 1}", new Asl.Functions(), Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.output()).isEqualTo(json("{}"));
        HistoryEvent exitedA = e.history().stream()
                .filter(h -> h.type().equals("PassStateExited"))
                .findFirst()
                .orElseThrow();
        assertThat(json(exitedA.details().get("output").asText())).isEqualTo(json("{\"x\": 1, \"seen\": {}}"));
    }

    @Test
    void aPassStatesResultIsTheCallersToChangeNotTheMachines() {
        StateMachine machine = StateMachine.parse(
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": {\"n\": 1}, \"End\": true}}}",
                Map.of());

        ExecutionResult first = machine.start("first", json("{}"), new Asl.Functions(), null, Asl.options())
                .await();
        ((ObjectNode) first.output()).put("n", 2);
        ExecutionResult second = machine.start("second", json("{}"), new Asl.Functions(), null, Asl.options())
                .await();

        assertThat(second.output()).isEqualTo(json("{\"n\": 1}"));
    }

    @Test
    void resultPathIntoAScalarFailsWithResultPathMatchFailure() {
        String def = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "ResultPath": "$.x.y", "End": true}}}
        """;
        ExecutionResult r = run(def, "{\"x\": \"scalar\"}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.ResultPathMatchFailure");
        assertThat(r.cause()).contains("state \"A\"").contains("$.x.y");
    }

    @Test
    void missingPathIsStatesRuntimeNamingStateFieldAndPath() {
        String def = """
        {"StartAt": "Build request", "States": {"Build request": {
          "Type": "Pass", "Parameters": {"gen.$": "$.generation"}, "End": true}}}
        """;
        ExecutionResult r = run(def, "{\"runId\": \"r1\"}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause())
                .contains("state \"Build request\"")
                .contains("Parameters")
                .contains("'$.generation'")
                .contains("gen.$");
    }

    @Test
    void missingInputPathAndOutputPathAreRuntimeErrors() {
        ExecutionResult r = run(
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"InputPath\":\"$.nope\",\"End\":true}}}",
                "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("InputPath").contains("$.nope");
        r = run(
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"OutputPath\":\"$.nope\",\"End\":true}}}",
                "{}");
        assertThat(r.cause()).contains("OutputPath").contains("$.nope");
    }

    @Test
    void contextObjectIsAvailableToParameters() {
        String def = """
        {"StartAt": "Ctx", "States": {"Ctx": {"Type": "Pass", "Parameters": {
          "id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name", "input.$": "$$.Execution.Input",
          "start.$": "$$.Execution.StartTime", "state.$": "$$.State.Name", "entered.$": "$$.State.EnteredTime",
          "retries.$": "$$.State.RetryCount", "sm.$": "$$.StateMachine.Name", "smId.$": "$$.StateMachine.Id",
          "whole.$": "$$.Execution.Input.a"}, "End": true}}}
        """;
        ExecutionResult r = StateMachine.parse(def, java.util.Map.of())
                .withName("phylo")
                .start("run-7", json("{\"a\": [1, 2]}"), new Asl.Functions(), null, Asl.options())
                .await();
        assertThat(r.output()).isEqualTo(json("""
                {"id": "arn:aws:states:local:000000000000:execution:phylo:run-7", "name": "run-7",
                 "input": {"a": [1, 2]}, "start": "2024-05-01T12:00:00Z", "state": "Ctx",
                 "entered": "2024-05-01T12:00:00Z", "retries": 0, "sm": "phylo",
                 "smId": "arn:aws:states:local:000000000000:stateMachine:phylo", "whole": [1, 2]}
                """));
    }

    @Test
    void templatesReachIntoArraysAndKeepLiterals() {
        String def = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {
          "list": [{"v.$": "$.x"}, "literal $.x", 3], "nested": {"deep": {"v.$": "$.x"}}}, "End": true}}}
        """;
        assertThat(run(def, "{\"x\": 5}").output())
                .isEqualTo(json("{\"list\": [{\"v\": 5}, \"literal $.x\", 3], \"nested\": {\"deep\": {\"v\": 5}}}"));
    }

    @Test
    void indefinitePathsSelectArraysInParameters() {
        String def = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {
          "ids.$": "$.items[*].id", "big.$": "$.items[?(@.n > 1)].id"}, "End": true}}}
        """;
        assertThat(run(def, "{\"items\": [{\"id\": \"a\", \"n\": 1}, {\"id\": \"b\", \"n\": 2}]}")
                        .output())
                .isEqualTo(json("{\"ids\": [\"a\", \"b\"], \"big\": [\"b\"]}"));
    }
}
