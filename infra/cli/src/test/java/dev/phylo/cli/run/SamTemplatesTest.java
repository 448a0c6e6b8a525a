package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertThat(evaluate.timeoutSeconds()).isEqualTo(90);
        assertThat(evaluate.environment())
                .containsEntry("QUARKUS_FUNQY_EXPORT", "evaluate")
                .containsEntry("PHYLO_EFS_ROOT", "/mnt/phylo");
        assertThat(t.functions().get("SeedFunction").environment()).containsEntry("QUARKUS_FUNQY_EXPORT", "seed");
        // !Ref NeonSecretArn: the parameter's Default; !Ref ReportBucket: a bucket only the stack has, so unset
        assertThat(t.functions().get("PersistFunction").environment()).containsEntry("NEON_SECRET_ARN", "");
        assertThat(evaluate.environment()).as("evaluate never connects").doesNotContainKey("NEON_SECRET_ARN");
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

    @Test
    void readsEachFunctionsReservedConcurrencyFromTheTemplate() throws IOException {
        SamTemplate t = SamTemplates.read(TEMPLATE);
        // The same file read without its tags: a literal ReservedConcurrentExecutions reads as that number.
        JsonNode plain = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(TEMPLATE));
        int literals = 0;
        for (Map.Entry<String, SamTemplate.Function> f : t.functions().entrySet()) {
            JsonNode reserved =
                    plain.path("Resources").path(f.getKey()).path("Properties").path("ReservedConcurrentExecutions");
            // !If [ReservesConcurrency, n, !Ref AWS::NoValue], where ReservesConcurrency is ReserveConcurrency's
            // Default "true": n
            if (reserved.isArray() && reserved.path(0).asText().equals("ReservesConcurrency")) {
                literals++;
                assertThat(f.getValue().reservedConcurrency())
                        .as(f.getKey())
                        .hasValue(reserved.path(1).asInt());
            }
        }
        assertThat(plain.path("Parameters")
                        .path("ReserveConcurrency")
                        .path("Default")
                        .asText())
                .isEqualTo("true");
        assertThat(literals).as("functions with a reservation").isGreaterThanOrEqualTo(10);
        assertThat(t.functions().get("SeedFunction").reservedConcurrency()).hasValue(2);

        // EvaluateFunction: !If [CapEvaluate, !Ref EvaluateMaxConcurrency, !Ref AWS::NoValue], where CapEvaluate is
        // !Not [!Equals [!Ref EvaluateMaxConcurrency, 0]]: at the parameter's Default of 0, no reservation.
        assertThat(plain.path("Parameters")
                        .path("EvaluateMaxConcurrency")
                        .path("Default")
                        .asInt(-1))
                .isZero();
        assertThat(t.functions().get("EvaluateFunction").reservedConcurrency()).isEmpty();
    }

    @Test
    void evaluateIsReservedAtEvaluateMaxConcurrencyWhenItsDefaultCapsIt(@TempDir Path dir) throws IOException {
        // The repository's template with one change: EvaluateMaxConcurrency defaults to 3, so CapEvaluate holds.
        Matcher parameter = Pattern.compile(
                        "(?m)^(?<head>  EvaluateMaxConcurrency:\\n    Type: Number\\n    Default: )0$")
                .matcher(Files.readString(TEMPLATE));
        assertThat(parameter.find())
                .as("EvaluateMaxConcurrency's Default in " + TEMPLATE)
                .isTrue();
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, parameter.replaceFirst("${head}3"));

        SamTemplate t = SamTemplates.read(file);

        assertThat(t.functions().get("EvaluateFunction").reservedConcurrency()).hasValue(3);
        assertThat(t.functions().get("SeedFunction").reservedConcurrency()).hasValue(2);
    }

    @Test
    void reservedConcurrencyIsALiteralAParameterOrAnIfOnACondition(@TempDir Path dir) throws IOException {
        assertThat(reserved(dir, "ReservedConcurrentExecutions: 0")).hasValue(0);
        assertThat(reserved(dir, "ReservedConcurrentExecutions: !Ref FnReserved"))
                .hasValue(4);
        assertThat(reserved(dir, "ReservedConcurrentExecutions: !If [IsPhylo, !Ref FnReserved, 1]"))
                .hasValue(4);
        assertThat(reserved(dir, "ReservedConcurrentExecutions: !If [IsNotPhylo, 1, !Ref AWS::NoValue]"))
                .isEmpty();
        assertThat(reserved(dir, "ReservedConcurrentExecutions: !If [Both, 6, 7]"))
                .as("!And of !Condition and !Or")
                .hasValue(7);
        assertThat(reserved(dir, "Description: no reservation"))
                .as("unreserved")
                .isEmpty();
    }

    @Test
    void aReservedConcurrencyTheRunnerCannotEvaluateIsNamed(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> reserved(dir, "ReservedConcurrentExecutions: !If [FromList, 2, 3]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Fn ReservedConcurrentExecutions, condition FromList")
                .hasMessageContaining("Fn::Select");
        assertThatThrownBy(() -> reserved(dir, "ReservedConcurrentExecutions: !GetAtt Other.Value"))
                .hasMessageContaining("Fn ReservedConcurrentExecutions")
                .hasMessageContaining("Fn::GetAtt");
        assertThatThrownBy(() -> reserved(dir, "ReservedConcurrentExecutions: !If [NoSuchCondition, 2, 3]"))
                .hasMessageContaining("condition NoSuchCondition is not in the template's Conditions");
        assertThatThrownBy(() -> reserved(dir, "ReservedConcurrentExecutions: !Ref FnName"))
                .hasMessageContaining("Fn ReservedConcurrentExecutions is \"phylo\"")
                .hasMessageContaining("whole number >= 0");
        assertThatThrownBy(() -> reserved(dir, "ReservedConcurrentExecutions: -1"))
                .hasMessageContaining("whole number >= 0");
    }

    /** A one-function template with the given property line, parameters and conditions; its reservation. */
    private static OptionalInt reserved(Path dir, String property) throws IOException {
        Path file = dir.resolve("reserved.yaml");
        Files.writeString(file, """
                Parameters:
                  FnReserved:
                    Type: Number
                    Default: 4
                  FnName:
                    Type: String
                    Default: phylo
                  Names:
                    Type: CommaDelimitedList
                    Default: a,b
                Conditions:
                  IsPhylo: !Equals [!Ref FnName, phylo]
                  IsNotPhylo: !Not [!Condition IsPhylo]
                  Both: !And [!Condition IsPhylo, !Or [!Equals [!Ref FnReserved, 5], !Condition IsNotPhylo]]
                  FromList: !Equals [!Select [0, !Ref Names], a]
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: ../functions/fn/target/function.zip
                      Handler: dev.phylo.function.LambdaHandler::handleRequest
                      %s
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: evolution.asl.json
                      DefinitionSubstitutions:
                        FnArn: !GetAtt Fn.Arn
                """.formatted(property));
        return SamTemplates.read(file).functions().get("Fn").reservedConcurrency();
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
