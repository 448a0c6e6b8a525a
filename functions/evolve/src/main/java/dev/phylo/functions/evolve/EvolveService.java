package dev.phylo.functions.evolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.Batch;
import dev.phylo.efs.BatchRef;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.evolution.GenerationSummary;
import dev.phylo.evolution.Generations;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.store.Database;
import dev.phylo.store.RunRepository;
import dev.phylo.store.RunRow;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds and breeds generations on the shared folder. Both steps are deterministic for (run seed, generation) and
 * write files atomically, so a Step Functions retry rewrites identical bytes.
 */
@ApplicationScoped
public class EvolveService {

    static final String SUMMARY_FILE = "summary.json";
    private static final Logger LOG = Logger.getLogger(EvolveService.class);

    private final Database database;
    private final RunRepository runs;
    private final ObjectMapper json;
    private final EfsLayout efs;
    private final RunFiles files;

    EvolveService(
            Database database,
            RunRepository runs,
            ObjectMapper json,
            @ConfigProperty(name = "phylo.efs.root") Path efsRoot) {
        this.database = database;
        this.runs = runs;
        this.json = json;
        this.efs = new EfsLayout(efsRoot);
        this.files = new RunFiles(efs);
    }

    /** Creates the run row (or finds it), pins the plan to the current snapshots, writes generation 0. */
    public GenerationRef seed(SeedRequest request) {
        SeedRequest normalized = RunRequests.normalize(request);
        BarInterval interval = BarInterval.parse(normalized.interval());
        RunPlan computed = RunRequests.plan(
                normalized,
                symbol -> SnapshotManifest.latest(efs, symbol, interval)
                        .orElseThrow(() -> new InvalidRequestException("no market data for " + symbol + " " + interval
                                + " in " + efs.root() + ": ingest it first")));
        RunPlan plan = pinned(computed);

        JsonObject config = new JsonObject(json.valueToTree(normalized).toString());
        RunRow run = database.await(
                "create run " + plan.runId(),
                c -> runs.createIfAbsent(c, plan.runId(), config, plan.seed(), plan.generations()));
        if (!new JsonObject(run.configJson()).equals(config)) {
            throw new InvalidRequestException("run " + plan.runId() + " already exists with another "
                    + "configuration: " + run.configJson() + "; start a new run id");
        }
        Population population = Generations.seed(plan);
        writeGeneration(plan, population);
        LOG.infof(
                "seeded %s: %d strategies in %d batches on %s",
                plan.runId(), plan.populationSize(), Generations.batchCount(plan), normalized.symbols());
        return ref(plan, population.generation(), false, null, normalized.maxConcurrency());
    }

    /** Summarises generation g; breeds g+1 unless the run is finished. */
    public GenerationRef breed(BreedRequest request) {
        if (request.runId() == null || request.generation() == null || request.generation() < 0) {
            throw new InvalidRequestException("breed needs {runId, generation >= 0}, got " + request);
        }
        RunPlan plan = files.findPlan(request.runId())
                .orElseThrow(() -> new InvalidRequestException(files.missingPlan(request.runId())));
        int g = request.generation();
        Population population = files.readPopulation(plan.runId(), g);
        List<BatchResult> results = results(plan, g);
        GenerationSummary summary = Generations.summarize(population, results);
        AtomicFiles.writeJson(summaryFile(plan.runId(), g), summary);

        List<GenerationSummary> history = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            history.add(AtomicFiles.readJson(summaryFile(plan.runId(), i), GenerationSummary.class));
        }
        history.add(summary);
        if (Generations.finished(plan, history)) {
            LOG.infof(
                    "%s finished after generation %d: best %s %.4f",
                    plan.runId(), g, summary.bestId(), summary.bestFitness());
            return ref(plan, g, true, summary, request.maxConcurrency());
        }
        Population next = Generations.breed(plan, population, results);
        writeGeneration(plan, next);
        LOG.infof(
                "bred %s generation %d from %d (best so far %.4f)",
                plan.runId(), next.generation(), g, summary.bestFitness());
        return ref(plan, next.generation(), false, summary, request.maxConcurrency());
    }

    /** A replayed seed keeps the plan written first: a run stays on the snapshots it started with. */
    private RunPlan pinned(RunPlan computed) {
        if (!Files.exists(efs.planFile(computed.runId()))) {
            files.writePlan(computed);
            return computed;
        }
        RunPlan existing = files.readPlan(computed.runId());
        RunPlan sameData = new RunPlan(
                computed.runId(),
                computed.seed(),
                computed.populationSize(),
                computed.generations(),
                computed.batchSize(),
                computed.stallGenerations(),
                computed.objective(),
                computed.minTrades(),
                computed.families(),
                computed.directions(),
                computed.execution(),
                existing.data());
        if (!sameData.equals(existing)) {
            throw new InvalidRequestException("run " + computed.runId() + " already has a different plan in "
                    + efs.planFile(computed.runId()) + "; start a new run id");
        }
        return existing;
    }

    private void writeGeneration(RunPlan plan, Population population) {
        files.writePopulation(population);
        for (Batch batch : Generations.batches(plan, population)) {
            files.writeBatch(batch);
        }
    }

    private List<BatchResult> results(RunPlan plan, int generation) {
        int count = Generations.batchCount(plan);
        List<BatchResult> results = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            BatchRef ref = new BatchRef(plan.runId(), generation, b);
            if (!files.resultExists(ref)) {
                throw new IllegalStateException("batch " + b + " of " + count + " of " + plan.runId() + " generation "
                        + generation + " has no result file (" + efs.resultFile(ref) + "): evaluate it first");
            }
            results.add(files.readResult(ref));
        }
        return results;
    }

    private Path summaryFile(String runId, int generation) {
        return efs.generationDir(runId, generation).resolve(SUMMARY_FILE);
    }

    private static GenerationRef ref(
            RunPlan plan, int generation, boolean done, GenerationSummary summary, Integer maxConcurrency) {
        List<Integer> batches = done
                ? List.of()
                : IntStream.range(0, Generations.batchCount(plan)).boxed().toList();
        return new GenerationRef(
                plan.runId(),
                generation,
                plan.populationSize(),
                batches,
                done,
                summary == null ? null : summary.bestId(),
                summary == null ? null : summary.bestFitness(),
                maxConcurrency);
    }
}
