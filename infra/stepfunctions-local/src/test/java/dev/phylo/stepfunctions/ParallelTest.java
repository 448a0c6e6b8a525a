package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParallelTest {

    private static final String DEF = """
      {"StartAt": "Both", "States": {
        "Both": {"Type": "Parallel", "Parameters": {"x.$": "$.x"},
          "ResultSelector": {"slow.$": "$[0]", "fast.$": "$[1]"}, "ResultPath": "$.results",
          "Catch": [{"ErrorEquals": ["Branch.Failed"], "ResultPath": "$.error", "Next": "Recover"}],
          "Branches": [
            {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "%sslow", "End": true}}},
            {"StartAt": "Fast", "States": {
               "Fast": {"Type": "Task", "Resource": "%sfast", "Next": "Tag"},
               "Tag": {"Type": "Pass", "Parameters": {"tagged.$": "$"}, "End": true}}}
          ], "End": true},
        "Recover": {"Type": "Pass", "End": true}}}
      """.formatted(FN, FN);

    @Test
    void branchOutputsAreInBranchOrderWhateverFinishesFirst() {
        Asl.Functions fns = new Asl.Functions()
                .on("slow", p -> {
                    try {
                        Thread.sleep(150);
                    } catch (InterruptedException e) {
                        throw new TaskFailedException("Interrupted", "");
                    }
                    return json("{\"s\": " + p.get("x") + "}");
                })
                .on("fast", p -> json("{\"f\": " + p.get("x") + "}"));
        Execution e = Asl.start(DEF, "{\"x\": 1, \"keep\": true}", fns, Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.output())
                .isEqualTo(
                        json(
                                "{\"x\": 1, \"keep\": true, \"results\": {\"slow\": {\"s\": 1}, \"fast\": {\"tagged\": {\"f\": 1}}}}"));
        // both branches got the Parameters output as input
        assertThat(fns.payloads).containsExactlyInAnyOrder(json("{\"x\": 1}"), json("{\"x\": 1}"));
        assertThat(Asl.types(e))
                .startsWith("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted")
                .endsWith("ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded");
    }

    @Test
    void aFailingBranchFailsTheParallelStateWithItsErrorAndCatchApplies() {
        Asl.Functions fns = new Asl.Functions().on("slow", p -> json("{}")).on("fast", p -> {
            throw new TaskFailedException("Branch.Failed", "fast broke");
        });
        Execution e = Asl.start(DEF, "{\"x\": 2}", fns, Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output())
                .isEqualTo(json("{\"x\": 2, \"error\": {\"Error\": \"Branch.Failed\", \"Cause\": \"fast broke\"}}"));
        assertThat(Asl.types(e)).contains("ParallelStateFailed", "PassStateEntered");
    }

    @Test
    void uncaughtBranchErrorFailsTheExecution() {
        String def = """
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "OK", "States": {"OK": {"Type": "Pass", "End": true}}},
          {"StartAt": "Bad", "States": {"Bad": {"Type": "Fail", "Error": "Nope", "Cause": "branch 1"}}}]}}}
        """;
        ExecutionResult r = Asl.run(def, "{}");
        assertThat(r.error()).isEqualTo("Nope");
        assertThat(r.cause()).isEqualTo("branch 1");
    }
}
