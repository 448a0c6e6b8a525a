package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's own template, as the local runner reads it. */
class SamTemplatesTest {

    private static final Path TEMPLATE = Path.of("../../sam/template.yaml");

    @Test
    void readsFunctionsWithGlobalsMergedAndTheStateMachine() {
        SamTemplate t = SamTemplates.read(TEMPLATE);

        SamTemplate.Function evaluate = t.functions().get("EvaluateFunction");
        assertThat(evaluate.moduleDir().getFileName().toString()).isEqualTo("evaluate");
        assertThat(evaluate.runnerJar().toString()).endsWith("functions/evaluate/target/evaluate-runner.jar");
        assertThat(evaluate.handler()).isEqualTo("dev.phylo.function.LambdaHandler::handleRequest");
        // MemorySize is !Ref EvaluateMemorySize: its Default
        assertThat(evaluate.memoryMb()).isEqualTo(1769);
        assertThat(evaluate.timeoutSeconds()).isEqualTo(240);
        assertThat(evaluate.environment())
                .containsEntry("QUARKUS_FUNQY_EXPORT", "evaluate")
                .containsEntry("PHYLO_EFS_ROOT", "/mnt/phylo");
        assertThat(t.functions().get("SeedFunction").environment()).containsEntry("QUARKUS_FUNQY_EXPORT", "seed");
        // !Ref NeonSecretArn: the parameter's Default; !Ref ReportBucket: a bucket only the stack has, so unset
        assertThat(evaluate.environment()).containsEntry("NEON_SECRET_ARN", "");
        assertThat(t.functions().get("ReportFunction").environment())
                .containsEntry("QUARKUS_FUNQY_EXPORT", "report")
                .doesNotContainKey("PHYLO_REPORT_BUCKET");
        assertThat(t.definition().getFileName().toString()).isEqualTo("evolution.asl.json");
        assertThat(t.definition()).exists();
        assertThat(t.substitutions())
                .containsEntry("EvaluateFunctionArn", "EvaluateFunction")
                .containsEntry("MarkRunFailedFunctionArn", "MarkRunFailedFunction");
    }

    @Test
    void memoryAndTimeoutAreLiteralsOrParameterDefaults(@TempDir Path dir) throws IOException {
        Path file = template(dir, "MemorySize: !Ref FnMemory", "Timeout: 30");
        SamTemplate.Function f = SamTemplates.read(file).functions().get("Fn");
        assertThat(f.memoryMb()).isEqualTo(640);
        assertThat(f.timeoutSeconds()).isEqualTo(30);

        Path absent = template(dir, "Description: no memory or timeout", "Description: none");
        SamTemplate.Function defaults = SamTemplates.read(absent).functions().get("Fn");
        assertThat(defaults.memoryMb()).as("Lambda's default").isEqualTo(128);
        assertThat(defaults.timeoutSeconds()).as("Lambda's default").isEqualTo(3);
    }

    @Test
    void aReferenceTheRunnerCannotResolveIsNamed(@TempDir Path dir) throws IOException {
        Path unknown = template(dir, "MemorySize: !Ref NoSuchParameter", "Timeout: 30");
        assertThatThrownBy(() -> SamTemplates.read(unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Fn MemorySize")
                .hasMessageContaining("NoSuchParameter");
        Path notANumber = template(dir, "MemorySize: 512", "Timeout: !Ref FnName");
        assertThatThrownBy(() -> SamTemplates.read(notANumber)).hasMessageContaining("Fn Timeout");
    }

    private static Path template(Path dir, String memory, String timeout) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Parameters:
                  FnMemory:
                    Type: Number
                    Default: 640
                  FnName:
                    Type: String
                    Default: phylo
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: ../functions/fn/target/function.zip
                      Handler: dev.phylo.function.LambdaHandler::handleRequest
                      %s
                      %s
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: evolution.asl.json
                      DefinitionSubstitutions:
                        FnArn: !GetAtt Fn.Arn
                """.formatted(memory, timeout));
        return file;
    }
}
