package dev.phylo.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: the packaged Quarkus Funqy {@code evaluate} function, run through the RIC. Builds nothing: it runs
 * only when {@code functions/evaluate/target/*-runner.jar} is there (the full pipeline test covers the packaged
 * functions end to end); {@code -Dphylo.evaluate.dir=…} points it at another module directory.
 */
class QuarkusFunctionTest {

    @TempDir
    Path tmp;

    @Test
    void evaluateAnswersThroughTheRicWithAFunctionErrorForAMissingRun() throws Exception {
        Path module = Path.of(System.getProperty(
                "phylo.evaluate.dir",
                Path.of("")
                        .toAbsolutePath()
                        .resolve("../../functions/evaluate")
                        .normalize()
                        .toString()));
        assumeTrue(
                FunctionArtifact.findRunnerJar(module).isPresent(),
                "no packaged evaluate function in " + module
                        + "/target (build it with: mvn package -DskipTests -pl functions/evaluate -am); skipped here, the "
                        + "full pipeline test runs the packaged functions");

        Path efs = Files.createDirectories(tmp.resolve("efs"));
        FunctionConfig config = FunctionConfig.builder("evaluate", FunctionArtifact.locate(module, false, tmp))
                .memoryMb(1024)
                .timeout(Duration.ofSeconds(60))
                .env("QUARKUS_FUNQY_EXPORT", "evaluate")
                .env("PHYLO_EFS_ROOT", efs.toString())
                .build();
        System.out.println("command: " + String.join(" ", FunctionProcess.command(config, TestFunctions.ric())));
        CopyOnWriteArrayList<String> output = new CopyOnWriteArrayList<>();
        try (LocalFunctions functions = new LocalFunctions(tmp.resolve("logs"), TestFunctions.ric(), output::add)) {
            LocalFunction evaluate = functions.start(config);
            long t0 = System.nanoTime();
            evaluate.prewarm(1);
            long startupMs =
                    evaluate.processes().get(0).startupTime().orElseThrow().toMillis();
            System.out.printf(
                    "evaluate process ready in %d ms (prewarm returned after %d ms)%n",
                    startupMs, (System.nanoTime() - t0) / 1_000_000);

            long t1 = System.nanoTime();
            InvocationResult result = evaluate.invoke("{\"runId\":\"x\",\"generation\":0,\"batch\":0}");
            System.out.printf(
                    "first invocation took %d ms: %s%n",
                    (System.nanoTime() - t1) / 1_000_000,
                    result instanceof InvocationResult.Failure f ? f.toJson() : result);

            assertThat(result).isInstanceOfSatisfying(InvocationResult.Failure.class, f -> {
                assertThat(f.errorType()).doesNotStartWith("Runtime.").doesNotStartWith("Sandbox.");
                assertThat(f.errorMessage()).contains(efs.toString()).contains("x");
            });
            assertThat(evaluate.processIds()).hasSize(1);
        } finally {
            output.forEach(line -> System.out.println("  " + line));
        }
    }
}
