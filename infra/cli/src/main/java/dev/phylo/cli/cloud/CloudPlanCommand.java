package dev.phylo.cli.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.cli.RunInputOptions;
import dev.phylo.cli.plan.CloudPlan;
import dev.phylo.cli.plan.PlanJson;
import dev.phylo.cli.plan.PlanOptions;
import dev.phylo.cli.plan.PlanText;
import dev.phylo.cli.plan.Planner;
import dev.phylo.cli.plan.PlanningFigures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code phylo cloud plan}: what a run will do, take and cost on AWS, before anything starts and without AWS. The run
 * input is the one {@code phylo cloud run} sends (the same options), or the console's JSON ({@code --input}); the
 * data's size comes from {@code --bars} or {@code --years}.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Estimates a run before it starts, without AWS: evaluations, batches, Lambda GB-seconds per function (from",
            "the engine's throughput measured here), Step Functions transitions, EFS, S3, the network, Neon, the",
            "wall-clock time and the account concurrency it needs, and the dollars, with every price named."
        })
public final class CloudPlanCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(
            names = "--input",
            paramLabel = "FILE",
            description = "A run input as the Step Functions console takes it (e.g. sam/events/start-run.json); "
                    + "options given on the command line override its fields.")
    Path inputFile;

    @Option(names = "--symbols", split = ",", description = "Symbols (default: the input's, else SPY).")
    List<String> symbols;

    @Mixin
    RunInputOptions run;

    @Mixin
    PlanOptions plan;

    @Option(
            names = "--network",
            paramLabel = "nat|private",
            description = "The network mode the total uses (default: the template's NetworkMode); both are shown.")
    String network;

    @Option(
            names = "--neon-plan",
            paramLabel = "launch|scale",
            defaultValue = "launch",
            description = "Neon's plan for the compute price (default: ${DEFAULT-VALUE}; private networking needs "
                    + "scale).")
    String neonPlan;

    @Option(
            names = "--neon-cu",
            paramLabel = "CU",
            description = "Neon's compute size while the run keeps it up (default: 0.25).")
    Double neonCu;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode input = input();
        CloudPlan result = Planner.plan(
                input,
                inputFile != null ? "--input " + inputFile : "the run options",
                plan,
                network,
                neonPlan,
                neonCu != null ? neonCu : PlanningFigures.NEON_DEFAULT_CU);
        if (json) {
            out.println(PlanJson.of(result).toPrettyString());
            out.flush();
        } else {
            PlanText.print(result, out);
        }
        return 0;
    }

    /** The run input: --input's JSON, with the options given on the command line put over it. */
    ObjectNode input() {
        ObjectNode input = JSON.createObjectNode();
        if (inputFile != null) {
            JsonNode read;
            try {
                read = JSON.readTree(Files.readString(inputFile));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --input " + inputFile + ": " + e.getMessage(), e);
            }
            if (read == null || !read.isObject()) {
                throw new IllegalArgumentException(
                        "--input " + inputFile + " must hold a JSON object (a run input), " + "not "
                                + (read == null
                                        ? "nothing"
                                        : read.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
            }
            input.setAll((ObjectNode) read);
        }
        run.validate();
        run.putGiven(input);
        if (input.hasNonNull("testFrom")) {
            throw new IllegalArgumentException("a plan cuts the in-sample range by outOfSampleFraction; testFrom"
                    + " (a walk-forward fold's cut) is not priced: give outOfSampleFraction instead");
        }
        if (input.hasNonNull("walkForward")) {
            throw new IllegalArgumentException("a plan prices one ordinary run; a walk-forward run is its "
                    + input.get("walkForward") + " folds, each an ordinary run on its own windows: plan one fold"
                    + " with --from and --to (its training and test windows) and multiply");
        }
        if (symbols != null && symbols.stream().anyMatch(s -> s != null && !s.isBlank())) {
            ArrayNode list = input.putArray("symbols");
            symbols.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
        } else if (!input.has("symbols")) {
            input.putArray("symbols").add("SPY");
        }
        return input;
    }
}
