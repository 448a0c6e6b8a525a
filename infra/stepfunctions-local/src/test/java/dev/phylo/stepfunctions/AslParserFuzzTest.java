package dev.phylo.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the ASL parser (Jazzer; {@code scripts/fuzz} runs it for a while, plain test runs replay
 * the committed inputs in {@code AslParserFuzzTestInputs}, seeded with the shipped state machine and the test
 * definitions). Whatever the text, the parser returns a state machine or refuses with an {@link AslException} that
 * says what is wrong; nothing else escapes it.
 */
public class AslParserFuzzTest {

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        check(data);
    }

    @FuzzTest
    void parsesOrRefusesWithAnAslException(FuzzedDataProvider data) {
        check(data);
    }

    private static void check(FuzzedDataProvider data) {
        String definition = data.consumeRemainingAsString();
        try {
            StateMachine machine = StateMachine.parse(definition, Map.of("FunctionArn", Asl.FN + "f"));
            assertThat(machine).isNotNull();
        } catch (AslException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
