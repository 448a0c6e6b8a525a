package dev.phylo.cli.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.cli.DatabaseUrlOptions;
import dev.phylo.cli.RunInputOptions;
import dev.phylo.cli.plan.PlanOptions;
import dev.phylo.cli.plan.Planner;
import dev.phylo.cli.plan.PlanningFigures;
import dev.phylo.evolution.BatchDoesNotFitException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * {@code phylo cloud run --stack NAME}: starts the stack's state machine with a run input and follows the execution
 * through its history until it ends. Before it starts it prints the plan's one-line summary ({@code phylo cloud
 * plan}), which needs no AWS: given the data's size ({@code --bars} or {@code --years}).
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
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

    @Option(
            names = "--symbols",
            split = ",",
            defaultValue = "SPY",
            description = "Symbols (default: ${DEFAULT-VALUE}).")
    List<String> symbols;

    @Mixin
    RunInputOptions run;

    @Mixin
    PlanOptions plan;

    @Option(
            names = "--run-id",
            description = "Run id and execution name, [a-z0-9][a-z0-9-]{0,62} "
                    + "(default: run-<UTC yyyyMMdd-HHmmss>-s<seed>).")
    String runId;

    @Option(names = "--no-follow", description = "Start the execution and return without following it.")
    boolean noFollow;

    /** Progress from the runs table instead of the execution history, when a database is given (or in the env). */
    @Mixin
    DatabaseUrlOptions database;

    @Option(
            names = "--poll-seconds",
            defaultValue = "5",
            description = "Seconds between polls (default: " + "${DEFAULT-VALUE}).")
    double pollSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String id = runId();
        ObjectNode input = input(id);
        out.printf("plan      %s%n", planSummary(input));
        out.flush();
        String databaseUrl = database.resolve().orElse(null);
        if (databaseUrl != null) {
            new RunProgress(databaseUrl).close(); // a bad URL fails before the execution starts
        }
        String stateMachineArn;
        try (var cloudFormation = aws.cloudFormation()) {
            stateMachineArn = StackOutputs.describe(cloudFormation, stack).require("StateMachineArn");
        }
        try (SfnClient sfn = aws.sfn()) {
            StartExecutionResponse started;
            try {
                started = sfn.startExecution(
                        r -> r.stateMachineArn(stateMachineArn).name(id).input(input.toString()));
            } catch (ExecutionAlreadyExistsException e) {
                throw new IllegalStateException(
                        "an execution named " + id + " already exists on " + stateMachineArn
                                + " with a different input; pick another --run-id",
                        e);
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
            try (RunProgress progress = databaseUrl != null ? new RunProgress(databaseUrl) : null) {
                out.printf("progress from %s%n", progress != null ? progress : "the execution history");
                ExecutionFollower follower =
                        new ExecutionFollower(sfn, out, run.generationsGiven(), pollSeconds, progress);
                return follower.follow(started.executionArn(), id) ? 0 : 1;
            }
        }
    }

    /** The plan's one line; never stops the run (the seed function, with the deployed settings, decides). */
    String planSummary(ObjectNode input) {
        if (!plan.sized() && !(input.has("from") && input.has("to"))) {
            return "add --bars N or --years Y (the data per symbol) for the run's cost and time; phylo cloud plan "
                    + "shows them in full";
        }
        try {
            return Planner.plan(input, "the run options", plan, null, "launch", PlanningFigures.NEON_DEFAULT_CU)
                            .summary()
                    + " (phylo cloud plan for the details)";
        } catch (BatchDoesNotFitException e) {
            return "seed will refuse this run with the template's defaults: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "not available: " + e.getMessage();
        }
    }

    String runId() {
        String id = runId != null
                ? runId.strip()
                : "run-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "-s" + run.seed();
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
        run.validate();
        ObjectNode input = JSON.createObjectNode();
        input.put("runId", id);
        ArrayNode list = input.putArray("symbols");
        symbols.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
        run.putGiven(input); // options not given are left to the seed function, which applies the same RunDefaults
        return input;
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
