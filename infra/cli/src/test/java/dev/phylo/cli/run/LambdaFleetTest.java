package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.lambda.FunctionArtifact;
import dev.phylo.lambda.FunctionConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code phylo run} configures each function of the repository's template. */
class LambdaFleetTest {

    private static final Path TEMPLATE = Path.of("../../sam/template.yaml");

    @TempDir
    Path tmp;

    @Test
    void everyFunctionIsThrottledAtTheTemplatesReservationAndRunsNoMoreProcessesThanThat() {
        FunctionArtifact artifact = FunctionArtifact.classpath(tmp, List.of(tmp));
        for (SamTemplate.Function f : SamTemplates.read(TEMPLATE).functions().values()) {
            FunctionConfig config = LambdaFleet.config(f, artifact, Map.of(), 4);

            assertThat(config.reservedConcurrency()).as(f.logicalId()).isEqualTo(f.reservedConcurrency());
            assertThat(config.concurrency())
                    .as("%s processes", f.logicalId())
                    .isEqualTo(Math.min(4, f.reservedConcurrency().orElse(4)));
        }
        SamTemplate.Function seed = SamTemplates.read(TEMPLATE).functions().get("SeedFunction");
        assertThat(LambdaFleet.config(seed, artifact, Map.of(), 4).reservedConcurrency())
                .hasValue(2);
    }

    @Test
    void aFunctionReservedAtZeroKeepsOneProcessSlotAndIsAlwaysThrottled() {
        SamTemplate.Function stopped = new SamTemplate.Function(
                "StoppedFunction",
                tmp,
                "dev.phylo.function.LambdaHandler::handleRequest",
                "java21",
                512,
                30,
                OptionalInt.of(0),
                Map.of());

        FunctionConfig config = LambdaFleet.config(stopped, FunctionArtifact.classpath(tmp, List.of(tmp)), Map.of(), 4);

        assertThat(config.reservedConcurrency()).hasValue(0);
        assertThat(config.concurrency()).isEqualTo(1);
    }

    @Test
    void theRunsDatabaseReachesOnlyTheFunctionsTheTemplateGivesADatabaseAndEvaluateGetsNone() {
        Map<String, String> run = Map.of(
                "NEON_DATABASE_URL", "postgresql://u:secret@localhost:5432/phylo",
                "NEON_SECRET_ARN", "",
                "PHYLO_EFS_ROOT", "/tmp/efs");
        Map<String, SamTemplate.Function> functions =
                SamTemplates.read(TEMPLATE).functions();

        Map<String, String> evaluate = LambdaFleet.environment(functions.get("EvaluateFunction"), run);
        Map<String, String> persist = LambdaFleet.environment(functions.get("PersistFunction"), run);

        assertThat(evaluate)
                .containsEntry("PHYLO_EFS_ROOT", "/tmp/efs")
                .containsEntry("QUARKUS_FUNQY_EXPORT", "evaluate")
                .doesNotContainKeys("NEON_DATABASE_URL", "NEON_SECRET_ARN", "PHYLO_DB_REQUIRE_TIMESCALEDB");
        assertThat(persist)
                .containsEntry("NEON_DATABASE_URL", "postgresql://u:secret@localhost:5432/phylo")
                .containsEntry("NEON_SECRET_ARN", "")
                .containsEntry("PHYLO_DB_REQUIRE_TIMESCALEDB", "false")
                .containsEntry("QUARKUS_FUNQY_EXPORT", "persist");
    }
}
