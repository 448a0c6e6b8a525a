package dev.phylo.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the strategy spec parser and its condition grammar (Jazzer; {@code scripts/fuzz} runs
 * it, plain test runs replay {@code StrategySpecsFuzzTestInputs}). Any text is either a spec, whose canonical JSON
 * parses back to an equal spec with the same id, or an {@link IllegalArgumentException} itself (the parser's declared
 * error: not a NumberFormatException or another subclass leaking out) with a message.
 */
public class StrategySpecsFuzzTest {

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        check(data);
    }

    @FuzzTest
    void parsesToASpecThatRoundTripsOrRefusesWithAMessage(FuzzedDataProvider data) {
        check(data);
    }

    private static void check(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        StrategySpec spec;
        try {
            spec = StrategySpecs.parse(json);
        } catch (IllegalArgumentException e) {
            assertThat(e.getClass()).isEqualTo(IllegalArgumentException.class);
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        String canonical = StrategySpecs.toJson(spec);
        StrategySpec again = StrategySpecs.parse(canonical);
        assertThat(again).isEqualTo(spec);
        assertThat(StrategySpecs.toJson(again)).isEqualTo(canonical);
        assertThat(StrategySpecs.id(again)).isEqualTo(StrategySpecs.id(spec));
    }
}
