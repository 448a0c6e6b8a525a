package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * arn:aws:states:::states:startExecution.sync:2 on the same state machine: a parent execution of child executions, as
 * a walk-forward run starts its folds.
 */
class ChildExecutionTest {

    /** A parent (no "child" field) starts one child per item; a child calls the function with its n. */
    private static final String MACHINE = """
        {"StartAt": "Child?", "States": {
          "Child?": {"Type": "Choice",
            "Choices": [{"Variable": "$.child", "IsPresent": true, "Next": "Work"}], "Default": "Each"},
          "Work": {"Type": "Task", "Resource": "%swork", "End": true},
          "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1,
            "ItemProcessor": {"StartAt": "Start child", "States": {"Start child": {
              "Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Parameters": {"StateMachineArn.$": "%s", "Name.$": "$.name",
                             "Input": {"child": true, "n.$": "$.n"}},
              "ResultSelector": {"status.$": "$.Status", "name.$": "$.Name", "v.$": "$.Output.v"},
              "End": true}}},
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure", "Next": "Failed"}],
            "End": true},
          "Failed": {"Type": "Pass", "End": true}}}
        """;

    @Test
    void eachChildRunsTheSameMachineAndReturnsItsDescriptionWithItsOutput() {
        Asl.Functions fns =
                new Asl.Functions().on("work", p -> json("{\"v\": " + p.get("n").asInt() * 10 + "}"));

        ExecutionResult r = Asl.run(
                MACHINE.formatted(FN, "$$.StateMachine.Id"),
                "{\"items\": [{\"name\": \"fold-1\", \"n\": 1}, {\"name\": \"fold-2\", \"n\": 2}]}",
                fns);

        assertThat(r.succeeded()).as(r.toString()).isTrue();
        assertThat(r.output())
                .isEqualTo(json("[{\"status\": \"SUCCEEDED\", \"name\": \"fold-1\", \"v\": 10},"
                        + " {\"status\": \"SUCCEEDED\", \"name\": \"fold-2\", \"v\": 20}]"));
        assertThat(fns.payloads)
                .containsExactly(json("{\"child\": true, \"n\": 1}"), json("{\"child\": true, \"n\": 2}"));
    }

    @Test
    void aFailedChildFailsTheTaskWithStatesTaskFailedAndItsDescriptionAsTheCause() throws Exception {
        Asl.Functions fns = new Asl.Functions().on("work", p -> {
            throw new TaskFailedException("Phylo.InvalidRequest", "runId = x: bad");
        });

        ExecutionResult r = Asl.run(
                MACHINE.formatted(FN, "$$.StateMachine.Id"), "{\"items\": [{\"name\": \"fold-1\", \"n\": 1}]}", fns);

        JsonNode failure = r.output().get("failure");
        assertThat(failure.get("Error").asText()).isEqualTo("States.TaskFailed");
        JsonNode described = Asl.MAPPER.readTree(failure.get("Cause").asText());
        assertThat(described.get("Status").asText()).isEqualTo("FAILED");
        assertThat(described.get("Name").asText()).isEqualTo("fold-1");
        assertThat(described.get("Error").asText()).isEqualTo("Phylo.InvalidRequest");
        assertThat(described.get("Cause").asText()).isEqualTo("runId = x: bad");
        assertThat(described.get("ExecutionArn").asText()).endsWith(":execution:StateMachine:fold-1");
    }

    @Test
    void anotherStateMachineFailsTheExecutionWithARuntimeErrorThatNamesTheLimit() {
        ExecutionResult r = Asl.run(
                MACHINE.formatted(FN, "$.other"),
                "{\"items\": [{\"name\": \"a\", \"n\": 1,"
                        + " \"other\": \"arn:aws:states:us-east-1:123456789012:stateMachine:other\"}]}",
                new Asl.Functions());

        // States.ALL does not catch States.Runtime: the execution fails
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("starts child executions of this state machine only");
    }

    @Test
    void parametersStartExecutionDoesNotTakeAreRefusedWhenParsed() {
        String def = """
            {"StartAt": "S", "States": {"S": {"Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Parameters": {"StateMachineArn.$": "$$.StateMachine.Id", "TraceHeader": "x"}, "End": true}}}
            """;
        assertThatThrownBy(() -> StateMachine.parse(def, Map.of()))
                .isInstanceOf(AslException.class)
                .hasMessageContaining("Parameters.TraceHeader is not supported by the local runner");
    }
}
