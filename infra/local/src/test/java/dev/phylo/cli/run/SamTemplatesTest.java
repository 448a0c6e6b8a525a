package dev.phylo.cli.run;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's own template, as the local runner reads it. */
class SamTemplatesTest {

    private static final Path TEMPLATE = Path.of("../../sam/template.yaml");

    @Test
    void readsFunctionsWithGlobalsMergedAndTheStateMachine() {
        SamTemplate t = SamTemplates.read(TEMPLATE);

        SamTemplate.Function evaluate = t.functions().get("EvaluateFunction");
        assertThat(evaluate.moduleDir().getFileName().toString()).isEqualTo("evaluate");
        assertThat(evaluate.runnerJar().toString()).endsWith("functions/evaluate/target/evaluate-runner.jar");
        assertThat(evaluate.handler()).isEqualTo("io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest");
        assertThat(evaluate.memoryMb()).isEqualTo(1769);
        assertThat(evaluate.environment()).containsEntry("QUARKUS_FUNQY_EXPORT", "evaluate")
                .containsEntry("PHYLO_EFS_ROOT", "/mnt/phylo");
        assertThat(t.functions().get("SeedFunction").environment()).containsEntry("QUARKUS_FUNQY_EXPORT", "seed");
        assertThat(t.definition().getFileName().toString()).isEqualTo("evolution.asl.json");
        assertThat(t.definition()).exists();
        assertThat(t.substitutions()).containsEntry("EvaluateFunctionArn", "EvaluateFunction")
                .containsEntry("MarkRunFailedFunctionArn", "MarkRunFailedFunction");
    }
}
