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
}
