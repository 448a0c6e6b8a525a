package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.lambda.FunctionArtifact;
import dev.phylo.lambda.FunctionConfig;
import dev.phylo.lambda.InvocationResult;
import dev.phylo.lambda.LocalFunction;
import dev.phylo.lambda.LocalFunctions;
import dev.phylo.lambda.RicClasspath;
import dev.phylo.stepfunctions.TaskFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The template's functions as local processes: each packaged artifact (the native {@code bootstrap} when one was
 * built, else the JVM runner jar through AWS's Runtime Interface Client) polling its own Lambda Runtime API on
 * loopback. Evaluate gets one process per evaluator; every other function one. All are started, in parallel, before
 * the run, so start-up is paid once and shows as such.
 */
final class LambdaFleet implements FunctionHost {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalFunctions functions;

    LambdaFleet(LocalRun.LocalRunContext context) {
        RicClasspath ric = RicClasspath.detect();
        this.functions = new LocalFunctions(
                context.logs(), ric, context.debug() ? line -> context.err().println(line) : line -> {});
        List<CompletableFuture<Void>> warming = new ArrayList<>();
        try {
            for (SamTemplate.Function f : context.template().functions().values()) {
                if (f.logicalId().equals("MigrateFunction") || f.logicalId().equals("RetentionFunction")) {
                    continue; // the runner migrates itself; retention is a schedule's job
                }
                Map<String, String> env = new LinkedHashMap<>(f.environment());
                env.putAll(context.environment());
                env.put("QUARKUS_FUNQY_EXPORT", f.environment().get("QUARKUS_FUNQY_EXPORT"));
                int concurrency = f.logicalId().equals("EvaluateFunction") ? context.evaluateConcurrency() : 1;
                LocalFunction function = functions.start(FunctionConfig.builder(f.logicalId(), artifact(f))
                        // the template's Handler (a native bootstrap ignores it)
                        .handler(handler(f))
                        .memoryMb(f.memoryMb())
                        .timeout(Duration.ofSeconds(f.timeoutSeconds()))
                        .concurrency(concurrency)
                        .environment(env)
                        .region(LocalRun.REGION)
                        .startupTimeout(Duration.ofSeconds(120))
                        .build());
                warming.add(CompletableFuture.runAsync(() -> function.prewarm(concurrency)));
            }
            warming.forEach(CompletableFuture::join);
        } catch (RuntimeException e) {
            functions.close();
            throw e;
        }
    }

    private static String handler(SamTemplate.Function f) {
        String handler = f.handler();
        if (handler == null || !handler.matches("[\\w.$]+::\\w+")) {
            throw new IllegalStateException(f.logicalId() + ": Handler '" + handler + "' is not class::method; the "
                    + "local runner needs a literal Handler (in the function or in Globals)");
        }
        return handler;
    }

    private static FunctionArtifact artifact(SamTemplate.Function f) {
        if (Files.isRegularFile(f.bootstrap())) {
            return FunctionArtifact.bootstrap(f.bootstrap());
        }
        if (!Files.isRegularFile(f.runnerJar())) {
            throw new IllegalStateException(f.logicalId() + ": " + f.runnerJar() + " is missing: build the functions "
                    + "first (scripts/phylo does: mvn -pl functions -amd package -DskipTests)");
        }
        return FunctionArtifact.runnerJar(f.runnerJar());
    }

    @Override
    public JsonNode invoke(String logicalId, JsonNode payload, Duration timeout) throws TaskFailedException {
        InvocationResult result = functions.get(logicalId).invoke(payload, timeout);
        if (result instanceof InvocationResult.Success) {
            try {
                return JSON.readTree(((InvocationResult.Success) result).payload());
            } catch (IOException e) {
                throw new TaskFailedException(
                        "Lambda.ServiceException", logicalId + " answered invalid JSON: " + e.getMessage());
            }
        }
        InvocationResult.Failure failure = (InvocationResult.Failure) result;
        throw new TaskFailedException(failure.errorType(), failure.errorMessage());
    }

    /** For the fault tests: kill a busy process of a function, as a crashed execution environment. */
    LocalFunction function(String logicalId) {
        return functions.get(logicalId);
    }

    @Override
    public int count() {
        return functions.names().size();
    }

    @Override
    public void close() {
        functions.close();
    }
}
