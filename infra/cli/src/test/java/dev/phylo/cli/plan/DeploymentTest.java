package dev.phylo.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.cli.plan.Deployment.Step;
import dev.phylo.cli.run.SamTemplates;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What a plan reads from the shipped template, and the function defaults it repeats, tied to their files. */
class DeploymentTest {

    private static final Path ROOT = Path.of("../..");
    private static final Path TEMPLATE = ROOT.resolve("sam/template.yaml");

    @Test
    void readsEachFunctionOfARunFromTheTemplateAndTheStateMachine() {
        Deployment d = Deployment.read(TEMPLATE);
        var sam = SamTemplates.read(TEMPLATE);

        for (Step step : Step.values()) {
            String logicalId = sam.substitutions().get(step.substitution());
            assertThat(d.function(step))
                    .as(step.label())
                    .isEqualTo(sam.functions().get(logicalId));
        }
        assertThat(d.function(Step.EVALUATE).logicalId()).isEqualTo("EvaluateFunction");
        assertThat(d.stateMachine().childFunctions()).containsExactly(Step.EVALUATE.substitution());
        assertThat(d.architecture()).isIn("x86_64", "arm64");
        assertThat(d.networkMode()).isIn("nat", "private");
        int reserved = sam.functions().values().stream()
                .mapToInt(f -> f.reservedConcurrency().orElse(0))
                .sum();
        assertThat(d.reservedConcurrency()).isEqualTo(reserved);
        assertThat(d.natGateways()).isPositive();
    }

    @Test
    void theDefaultsAPlanRepeatsAreTheFunctionsOwn() throws IOException {
        assertThat(Long.parseLong(property("functions/evaluate", "phylo.evaluate.snapshot-cache-bytes")))
                .isEqualTo(Deployment.DEFAULT_SNAPSHOT_CACHE_BYTES);
        assertThat(Integer.parseInt(property("functions/report", "phylo.validate.top-k")))
                .isEqualTo(Deployment.DEFAULT_VALIDATE_TOP_K);
    }

    private static String property(String module, String key) throws IOException {
        Properties p = new Properties();
        try (Reader r =
                Files.newBufferedReader(ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
            p.load(r);
        }
        assertThat(p.getProperty(key)).as(module + " " + key).isNotNull();
        return p.getProperty(key).strip();
    }
}
