package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.engine.data.BarInterval;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The state machine's input for a new run of {@code phylo run}: the run's configuration from its options. */
final class RunInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunInput() {}

    /**
     * The input of run {@code runId}; a run over ingested files is limited to their range unless --from/--to say
     * otherwise (printed on {@code out}).
     */
    static ObjectNode of(RunOptions options, String runId, List<Path> ingested, PrintStream out) throws IOException {
        ObjectNode input = JSON.createObjectNode().put("runId", runId);
        input.set("symbols", JSON.valueToTree(options.symbols()));
        input.put("interval", options.interval());
        // a run evolves on exactly the data it names: the files' own range, not whatever the store holds around it
        String from = options.from();
        String to = options.to();
        if (!ingested.isEmpty() && (from == null || to == null)) {
            BarInterval interval = BarInterval.parse(options.interval());
            DataFiles.Range range = DataFiles.range(ingested, options.symbols(), interval, options.columns());
            from = from != null ? from : range.from();
            to = to != null ? to : range.to(interval);
        }
        if (from != null || to != null) {
            out.printf(
                    "range     %s → %s%s%n",
                    from == null ? "the first stored bar" : from,
                    to == null ? "the last stored bar" : to + " (exclusive)",
                    options.from() == null && options.to() == null ? ", the range of the data ingested" : "");
        }
        if (from != null) {
            input.put("from", from);
        }
        if (to != null) {
            input.put("to", to);
        }
        input.put("populationSize", options.population()).put("generations", options.generations());
        if (options.batchSize() != null) {
            input.put("batchSize", options.batchSize());
        }
        input.put("seed", options.seed())
                .put("maxConcurrency", options.maxConcurrency())
                .put("objective", options.objective())
                .put("stallGenerations", options.stallGenerations())
                .put("feeBps", options.feeBps())
                .put("slippageBps", options.slippageBps());
        if (options.walkForward() != null) {
            // one fold after another: each fold's evaluators already use this machine's cores
            input.put("walkForward", options.walkForward())
                    .put("anchored", options.anchored())
                    .put("foldConcurrency", 1);
        }
        return input;
    }

    /** The run's first line: {@code run ID: symbols interval, population, generations, seed[, walk-forward]}. */
    static String header(RunOptions options, String verb, String runId) {
        return "%s %s: %s %s, population %d, %d generations, seed %d%s"
                .formatted(
                        verb,
                        runId,
                        String.join(",", options.symbols()),
                        options.interval(),
                        options.population(),
                        options.generations(),
                        options.seed(),
                        options.walkForward() == null
                                ? ""
                                : ", walk-forward %d folds (%s; population and generations per fold)"
                                        .formatted(options.walkForward(), options.anchored() ? "anchored" : "rolling"));
    }

    /** A resumed run's input: the run id alone; the seed function takes the rest from the run's stored configuration. */
    static ObjectNode resume(String runId) {
        return JSON.createObjectNode().put("runId", runId).put("resume", true);
    }
}
