package dev.phylo.cli.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code phylo cloud run --stack NAME}: starts the stack's state machine with a run input and follows the execution
 * through its history until it ends.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start a run on the deployed state machine and follow it to the end.")
public final class CloudRunCommand implements Callable<Integer> {

    /** Execution names allow more, but the run id also names EFS folders and database rows. */
    static final Pattern RUN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;
    @Mixin
    AwsOptions aws;

    @Option(names = "--stack", required = true, description = "The stack `sam deploy` created.")
    String stack;
    @Option(names = "--symbols", split = ",", defaultValue = "SPY", description = "Symbols (default: ${DEFAULT-VALUE}).")
    List<String> symbols;
    @Option(names = "--interval", description = "Bar interval, e.g. 1h or 1d (default: the seed function's).")
    String interval;
    @Option(names = "--population", description = "Strategies per generation (default: the seed function's).")
    Integer population;
    @Option(names = "--generations", description = "Generations (default: the seed function's).")
    Integer generations;
    @Option(names = "--batch-size", description = "Strategies per evaluate invocation (default: the seed function's).")
    Integer batchSize;
    @Option(names = "--seed", description = "Run seed (default: the seed function's; 42 in the default run id).")
    Long seed;
    @Option(names = "--max-concurrency", description = "Evaluate invocations at once (the Distributed Map's "
            + "MaxConcurrency; default: the seed function's).")
    Integer maxConcurrency;
    @Option(names = "--from", description = "First bar, ISO date or instant (default: all stored bars).")
    String from;
    @Option(names = "--to", description = "Last bar, ISO date or instant (default: all stored bars).")
    String to;
    @Option(names = "--objective", description = "sharpe, sortino, calmar or return (default: the seed function's).")
    String objective;
    @Option(names = "--run-id", description = "Run id and execution name, [a-z0-9][a-z0-9-]{0,62} "
            + "(default: run-<UTC yyyyMMdd-HHmmss>-s<seed>).")
    String runId;
    @Option(names = "--no-follow", description = "Start the execution and return without following it.")
    boolean noFollow;
    @Option(names = "--database-url", description = "postgresql://… with access to the run rows (e.g. "
            + "NEON_DATABASE_URL): progress comes from the runs table instead of the execution history.")
    String databaseUrl;
    @Option(names = "--poll-seconds", defaultValue = "5", description = "Seconds between polls (default: "
            + "${DEFAULT-VALUE}).")
    double pollSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String id = runId();
        ObjectNode input = input(id);
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            new RunProgress(databaseUrl).close(); // a bad URL fails before the execution starts
        }
        String stateMachineArn;
        try (var cloudFormation = aws.cloudFormation()) {
            stateMachineArn = StackOutputs.describe(cloudFormation, stack).require("StateMachineArn");
        }
        try (SfnClient sfn = aws.sfn()) {
            StartExecutionResponse started;
            try {
                started = sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(id).input(input.toString()));
            } catch (ExecutionAlreadyExistsException e) {
                throw new IllegalStateException("an execution named " + id + " already exists on " + stateMachineArn
                        + " with a different input; pick another --run-id", e);
            } catch (SdkException e) {
                throw new IllegalStateException("cannot start " + stateMachineArn + ": " + AwsErrors.message(e), e);
            }
            out.printf("run %s started%n  execution %s%n  input     %s%n", id, started.executionArn(), input);
            out.flush();
            if (noFollow) {
                out.printf("follow it with: phylo cloud status %s%n", started.executionArn());
                out.flush();
                return 0;
            }
            try (RunProgress database = databaseUrl != null && !databaseUrl.isBlank()
                    ? new RunProgress(databaseUrl) : null) {
                out.printf("progress from %s%n", database != null ? database : "the execution history");
                ExecutionFollower follower = new ExecutionFollower(sfn, out, generations, pollSeconds, database);
                return follower.follow(started.executionArn(), id) ? 0 : 1;
            }
        }
    }

    String runId() {
        String id = runId != null ? runId.strip() : "run-" + LocalDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-s" + (seed != null ? seed : 42);
        id = id.toLowerCase(Locale.ROOT);
        if (!RUN_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad --run-id '" + runId + "': use 1-63 lower-case letters, digits "
                    + "and '-', starting with a letter or digit");
        }
        return id;
    }

    ObjectNode input(String id) {
        if (symbols == null || symbols.stream().allMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("--symbols needs at least one symbol");
        }
        positive("--population", population);
        positive("--generations", generations);
        positive("--batch-size", batchSize);
        positive("--max-concurrency", maxConcurrency);
        ObjectNode input = JSON.createObjectNode();
        input.put("runId", id);
        ArrayNode list = input.putArray("symbols");
        symbols.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
        putIf(input, "interval", interval);
        putIf(input, "from", from);
        putIf(input, "to", to);
        if (population != null) {
            input.put("populationSize", population);
        }
        if (generations != null) {
            input.put("generations", generations);
        }
        if (batchSize != null) {
            input.put("batchSize", batchSize);
        }
        if (seed != null) {
            input.put("seed", seed);
        }
        if (maxConcurrency != null) {
            input.put("maxConcurrency", maxConcurrency);
        }
        putIf(input, "objective", objective);
        return input;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.strip());
        }
    }

    private static void positive(String option, Integer value) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }

    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }
}
