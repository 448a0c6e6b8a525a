package dev.phylo.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The states a run passes through, read from the shipped state machine: what the plan bills as transitions. */
class StateMachineShapeTest {

    private static final Path ASL = Path.of("../../sam/statemachine/evolution.asl.json");

    @Test
    void theShippedStateMachineRunsFourStatesAGenerationAndSixOnce() {
        StateMachineShape shape = StateMachineShape.read(ASL);

        // an ordinary run passes the walk-forward Choice by its Default
        assertThat(shape.prefix())
                .containsExactly("Name the run", "Check health", "Seed first generation", "Walk forward?");
        assertThat(shape.everyGeneration())
                .containsExactly("Evaluate generation", "Persist generation", "Breed next generation or finish?");
        assertThat(shape.betweenGenerations()).containsExactly("Breed next generation");
        assertThat(shape.exit()).containsExactly("Validate out of sample", "Write report", "Run succeeded");
        assertThat(shape.childFunctions()).containsExactly("EvaluateFunctionArn");
        // one generation: 4 + 3 + 3; each further generation adds the Map, persist, the Choice and breed
        assertThat(shape.parentStates(1)).isEqualTo(10);
        assertThat(shape.parentStates(100)).isEqualTo(4 * 100 + 6);
        assertThat(shape.formula()).isEqualTo("4 x generations + 6");
        assertThat(shape.standardTransitions(100, 20_000)).isEqualTo(406 + 20_000);
    }

    @Test
    void invocationsFollowWhereEachFunctionsStateIs() {
        StateMachineShape shape = StateMachineShape.read(ASL);

        assertThat(shape.invocations("HealthFunctionArn", 20, 400)).isEqualTo(1);
        assertThat(shape.invocations("SeedFunctionArn", 20, 400)).isEqualTo(1);
        assertThat(shape.invocations("EvaluateFunctionArn", 20, 400)).isEqualTo(400);
        assertThat(shape.invocations("PersistFunctionArn", 20, 400)).isEqualTo(20);
        assertThat(shape.invocations("BreedFunctionArn", 20, 400)).isEqualTo(19);
        assertThat(shape.invocations("ValidateFunctionArn", 20, 400)).isEqualTo(1);
        assertThat(shape.invocations("ReportFunctionArn", 20, 400)).isEqualTo(1);
        assertThat(shape.invocations("MarkRunFailedFunctionArn", 20, 400))
                .as("the failure path is not part of a plan")
                .isZero();
    }

    @Test
    void aStateMachineWithoutADistributedMapIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inline.asl.json");
        Files.writeString(file, """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "B"},
                  "B": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"},
                        "StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}, "End": true}}}""");

        assertThatThrownBy(() -> StateMachineShape.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no Distributed Map on the way from StartAt (A): state 'B' is a Map");
    }

    @Test
    void aLoopWithoutAWayOutIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("forever.asl.json");
        Files.writeString(file, """
                {"StartAt": "M", "States": {
                  "M": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED",
                        "ExecutionType": "EXPRESS"}, "StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}},
                        "Next": "C"},
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "BooleanEquals": true, "Next": "M"}],
                        "Default": "M"}}}""");

        assertThatThrownBy(() -> StateMachineShape.read(file))
                .hasMessageContaining(
                        "the Choice 'C' needs one way back to 'M' and one way out; it goes to " + List.of("M", "M"));
    }
}
