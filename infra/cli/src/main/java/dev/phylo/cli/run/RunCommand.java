package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.cli.DatabaseUrlOptions;
import dev.phylo.cli.RunInputOptions;
import dev.phylo.stepfunctions.ExecutionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code phylo run}: evolve strategies on this machine with the real functions and the real state machine. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Evolves strategies on this machine: embedded PostgreSQL, a local EFS folder, every function of",
            "sam/template.yaml as a Lambda process, and sam/statemachine/evolution.asl.json executed locally.",
            "Without --data it ingests a seeded synthetic market per symbol through the ingest function."
        })
public final class RunCommand implements Callable<Integer> {

    @Option(
            names = "--symbols",
            split = ",",
            description = "Symbols (default: SYNA,SYNB; with --data, each file's name up to its first '-', '_' or "
                    + "'.', upper-cased).")
    List<String> symbols;

    @Option(
            names = "--bars",
            defaultValue = "26280",
            description = "Synthetic bars per symbol (default: ${DEFAULT-VALUE}, three years of hours).")
    int bars;

    @Option(
            names = "--data",
            split = ",",
            arity = "1..*",
            paramLabel = "FILE|DIR",
            description = "CSV files to ingest instead of synthetic data, one symbol each, or folders of them (.csv and"
                    + " .csv.gz, by name). The run is limited to the files' own range (--from/--to narrow it).")
    List<Path> data = List.of();

    @Option(
            names = "--columns",
            paramLabel = "MAPPING",
            description =
                    "The column mapping of every --data file, by header name or 0-based index: time=Date,open=Open,"
                            + "high=High,low=Low,close=Close,volume=Vol (also date=…,time=… for split date and time).")
    String columns;

    @Option(names = "--run-id", description = "Run id (default: run-<UTC time>-s<seed>).")
    String runId;

    @Option(
            names = "--resume",
            paramLabel = "RUN_ID",
            description = "Continue run RUN_ID (interrupted, failed or cancelled) from its last persisted generation, "
                    + "with the configuration it was started with; it reaches the leaderboard the run would have "
                    + "reached uninterrupted. Takes no data or run options.")
    String resume;

    @Mixin
    RunInputOptions run;

    /** The run's database (default: NEON_DATABASE_URL, else an embedded PostgreSQL under .phylo/pg). */
    @Mixin
    DatabaseUrlOptions database;

    @Option(names = "--root", description = "The Phylo checkout (default: found from the current folder).")
    Path root;

    @Option(names = "--json", description = "Print the result as JSON on stdout (progress goes to stderr).")
    boolean json;

    @Option(names = "--debug", description = "Forward function logs and print stack traces.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        Path checkout = root != null
                ? root.toAbsolutePath()
                : Checkouts.find(Path.of("").toAbsolutePath());
        run.validate();
        if (resume != null && (symbols != null || !data.isEmpty() || columns != null || runId != null)) {
            throw new IllegalArgumentException("--resume continues a run with its stored configuration: leave out "
                    + "--symbols, --data, --columns and --run-id");
        }
        // On one machine the evaluations at once are its cores (not RunDefaults' Lambda fan-out); the seed function
        // sizes the batches from that unless --batch-size says (two per evaluator, within evaluate's time budget).
        int concurrency = run.maxConcurrency() != null
                ? run.maxConcurrency()
                : Runtime.getRuntime().availableProcessors();
        String url = database.resolve().orElse(null);
        List<Path> files = DataFiles.expand(data);
        List<String> names = symbols != null
                ? symbols
                : files.isEmpty()
                        ? List.of("SYNA", "SYNB")
                        : files.stream().map(DataFiles::symbolOf).toList();
        RunOptions options = new RunOptions(
                checkout,
                checkout.resolve(".phylo"),
                names,
                run.interval(),
                run.from(),
                run.to(),
                bars,
                files,
                columns,
                runId,
                run.population(),
                run.generations(),
                run.batchSize(),
                run.seed(),
                concurrency,
                run.objective(),
                run.stall(),
                run.feeBps(),
                run.slippageBps(),
                url,
                json,
                debug,
                run.walkForward(),
                run.anchored());
        LocalRun local = new LocalRun(options, System.out, System.err, LambdaFleet::new);
        LocalRun.RunOutcome outcome = resume != null ? local.resume(resume) : local.run();
        LocalRun.Timings t = outcome.timings();
        if (!outcome.result().succeeded()) {
            System.err.printf(
                    "phylo: run %s %s: %s: %s%n  history: %s%n",
                    outcome.runId(),
                    outcome.result().status().toString().toLowerCase(Locale.ROOT),
                    outcome.result().error(),
                    outcome.result().cause(),
                    outcome.history());
            return 1;
        }
        JsonNode report = Leaderboard.read(outcome.runDir());
        double evolution = t.evolutionSeconds();
        if (json) {
            ObjectNode result = new ObjectMapper().createObjectNode();
            result.put("runId", outcome.runId())
                    .put("status", "succeeded")
                    .put("report", outcome.runDir().resolve("report.html").toString())
                    .put("history", outcome.history().toString());
            result.putObject("timings")
                    .put("startupSeconds", t.startupSeconds())
                    .put("ingestSeconds", t.ingestSeconds())
                    .put("evolutionSeconds", evolution)
                    .set("states", new ObjectMapper().valueToTree(t.stateSeconds()));
            result.put("strategiesEvaluated", outcome.strategiesEvaluated());
            result.putObject("largestPayload")
                    .put("bytes", outcome.largestPayload().bytes())
                    .put("what", outcome.largestPayload().what())
                    .put("limit", ExecutionOptions.DEFAULT_MAX_PAYLOAD_BYTES);
            if (Leaderboard.isWalkForward(report)) {
                result.set("folds", report.path("folds"));
                result.set("stitched", report.path("stitched"));
            } else {
                result.set("leaderboard", report.path("leaderboard"));
                result.set("pbo", report.path("pbo"));
                result.set("effectiveTrials", report.path("effectiveTrials"));
            }
            System.out.println(result.toPrettyString());
            return 0;
        }
        Leaderboard.show(report, outcome.runDir(), System.out);
        System.out.printf(
                Locale.ROOT,
                "Time      start-up %.1f s, ingest %.1f s, evolution %.1f s (%s); %,d strategy"
                        + " evaluations (distinct per generation), %,.0f per second%n",
                t.startupSeconds(),
                t.ingestSeconds(),
                evolution,
                states(t),
                outcome.strategiesEvaluated(),
                outcome.strategiesEvaluated() / Math.max(1e-9, evolution));
        System.out.printf(
                Locale.ROOT,
                "Payloads  largest %,d bytes of the %,d a state may carry (%s)%n",
                outcome.largestPayload().bytes(),
                ExecutionOptions.DEFAULT_MAX_PAYLOAD_BYTES,
                outcome.largestPayload().what());
        System.out.println("History   " + outcome.history());
        return 0;
    }

    private static String states(LocalRun.Timings t) {
        StringBuilder sb = new StringBuilder();
        t.stateSeconds().forEach((name, s) -> {
            if (s >= 0.05) {
                sb.append(sb.length() == 0 ? "" : ", ")
                        .append(name.toLowerCase(Locale.ROOT))
                        .append(String.format(Locale.ROOT, " %.1f s", s));
            }
        });
        return sb.toString();
    }

    /** Finds the checkout: the nearest folder upwards holding sam/template.yaml. */
    static final class Checkouts {
        private Checkouts() {}

        static Path find(Path from) {
            for (Path p = from; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("sam/template.yaml"))) {
                    return p;
                }
            }
            throw new IllegalArgumentException(
                    "no sam/template.yaml in " + from + " or above: run from the Phylo " + "checkout or pass --root");
        }
    }
}
