package dev.phylo.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the intrinsic functions: an expression (parsed when the state machine is) evaluated by a
 * Pass state over a JSON input, both from the fuzzer. The state machine is refused with an {@link AslException}, or
 * the execution succeeds, or it fails with a States error; an exception of the runner itself ("internal error of the
 * local runner", e.g. a NullPointerException or a StackOverflowError) is a finding.
 */
public class IntrinsicsFuzzTest {

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        check(data);
    }

    @FuzzTest
    void evaluatesOrFailsTheExecutionWithAStatesError(FuzzedDataProvider data) {
        check(data);
    }

    private static void check(FuzzedDataProvider data) {
        String expression = data.consumeString(300);
        String inputText = data.consumeRemainingAsString();
        JsonNode input;
        try {
            input = Asl.MAPPER.readTree(inputText);
        } catch (JsonProcessingException e) {
            input = JsonNodeFactory.instance.textNode(inputText);
        }
        if (input == null || input.isMissingNode()) {
            input = JsonNodeFactory.instance.objectNode();
        }
        ObjectNode definition = JsonNodeFactory.instance.objectNode().put("StartAt", "Evaluate");
        definition
                .putObject("States")
                .putObject("Evaluate")
                .put("Type", "Pass")
                .put("End", true)
                .putObject("Parameters")
                .put("result.$", expression);
        StateMachine machine;
        try {
            machine = StateMachine.parse(definition.toString(), Map.of());
        } catch (AslException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        ExecutionResult result = machine.start("fuzz", input, new Asl.Functions(), null, Asl.options())
                .await();
        if (result.status() != ExecutionStatus.SUCCEEDED) {
            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).as(result.cause()).startsWith("States.");
            assertThat(String.valueOf(result.cause())).doesNotContain("internal error of the local runner");
        }
    }
}
