package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.lambda.FunctionArtifact;
import dev.phylo.lambda.FunctionConfig;
import dev.phylo.lambda.InvocationResult;
import dev.phylo.lambda.LocalFunction;
import dev.phylo.lambda.LocalFunctions;
import dev.phylo.lambda.RicClasspath;
import dev.phylo.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What Lambda reports for a bad request to each packaged function, run as the Lambda Java runtime runs it (the
 * template's handler through AWS's Runtime Interface Client): {@code errorType} {@value #BAD_REQUEST}, the name a
 * state machine's {@code Catch} matches. Health and migrate
 * take no input, and fail never rejects its input (it is the failure path), so they have no bad request.
 */
class FunctionErrorsIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    /** Written out, as a state machine's ErrorEquals writes it (InvalidRequestExceptionTest pins it to the class). */
    private static final String BAD_REQUEST = "dev.phylo.function.InvalidRequestException";

    private static LocalFunctions functions;
    private static SamTemplate template;
    private static Path efs;
    private static final Map<String, LocalFunction> started = new ConcurrentHashMap<>();

    @BeforeAll
    static void startRuntime() throws IOException {
        template = SamTemplates.read(ROOT.resolve("sam/template.yaml"));
        Path tmp = Files.createTempDirectory("phylo-function-errors");
        efs = Files.createDirectories(tmp.resolve("efs"));
        functions = new LocalFunctions(tmp.resolve("logs"), RicClasspath.detect(), line -> {});
    }

    @AfterAll
    static void stopRuntime() {
        functions.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            SeedFunction       | {"runId": "Bad Id", "symbols": ["SYN"]}                        | runId = Bad Id
            SeedFunction       | {"runId": "x", "symbols": ["SYN"], "populationSize": "lots"}   | at field 'populationSize'
            SeedFunction       | {"runId": "x", "symbols": ["SYN"], "objective": "alpha"}       | unknown objective 'alpha'
            BreedFunction      | {"runId": "never-seeded", "generation": 0}                     | no run never-seeded
            EvaluateFunction   | {"runId": "never-seeded", "generation": 0, "batch": 0}          | no run never-seeded
            EvaluateFunction   | {"runId": "Bad Id", "generation": 0, "batch": 0}                | Bad Id
            PersistFunction    | {"runId": "never-seeded", "generation": -1}                    | generation >= 0
            ValidateFunction   | {"runId": "Not A Run"}                                         | runId = Not A Run
            ReportFunction     | {"runId": "never-seeded"}                                      | no run never-seeded
            IngestFunction     | {"uri": "/no/such/file.csv", "symbol": "ABC", "interval": "1d"} | does not exist
            IngestFunction     | {"unexpected": true}                                           | neither S3 'Records' nor a 'uri'
            RetentionFunction  | {"maxAge": "30 days"}                                          | '30 days'
            """)
    void aBadRequestIsReportedAsInvalidRequestException(String function, String request, String message) {
        InvocationResult result = function(function).invoke(request, Duration.ofSeconds(60));

        assertThat(result).isInstanceOfSatisfying(InvocationResult.Failure.class, failure -> {
            assertThat(failure.errorType()).as(failure.toJson()).isEqualTo(BAD_REQUEST);
            assertThat(failure.errorMessage()).contains(message);
        });
    }

    /** The template's function, started once for all its cases. */
    private static LocalFunction function(String logicalId) {
        return started.computeIfAbsent(logicalId, id -> {
            SamTemplate.Function f = template.functions().get(id);
            assertThat(f).as("%s in sam/template.yaml", id).isNotNull();
            assertThat(f.runnerJar())
                    .as("packaged by mvn verify before this test")
                    .isRegularFile();
            Map<String, String> env = new LinkedHashMap<>(f.environment());
            env.put("NEON_DATABASE_URL", TestDatabase.url().toConnectionUri());
            env.put("NEON_SECRET_ARN", "");
            env.put("PHYLO_EFS_ROOT", efs.toString());
            return functions.start(FunctionConfig.builder(id, FunctionArtifact.runnerJar(f.runnerJar()))
                    .handler(f.handler())
                    .memoryMb(f.memoryMb())
                    .timeout(Duration.ofSeconds(60))
                    .environment(env)
                    .region(LocalRun.REGION)
                    .startupTimeout(Duration.ofSeconds(120))
                    .build());
        });
    }
}
