package dev.phylo.functions.evolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.Batch;
import dev.phylo.efs.BatchRef;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotReader;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.WalkForwardPlan;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.evolution.BatchDoesNotFitException;
import dev.phylo.evolution.BatchSizing;
import dev.phylo.evolution.GenerationSummary;
import dev.phylo.evolution.Generations;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.store.Database;
import dev.phylo.store.RunRepository;
import dev.phylo.store.RunRow;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final BatchLists batchLists;
    private final BatchSizing sizing;
    private final int evaluateReservedConcurrency;

    EvolveService(
            Database database,
            RunRepository runs,
            ObjectMapper json,
            BatchLists batchLists,
            @ConfigProperty(name = "phylo.efs.root") Path efsRoot,
            @ConfigProperty(name = "phylo.evaluate.strategy-bars-per-second") Optional<Double> strategyBarsPerSecond,
            @ConfigProperty(name = "phylo.evaluate.memory-mb") int evaluateMemoryMb,
            @ConfigProperty(name = "phylo.evaluate.timeout-seconds") int evaluateTimeoutSeconds,
            @ConfigProperty(name = "phylo.evaluate.reserved-concurrency") int evaluateReservedConcurrency) {
        this.database = database;
        this.runs = runs;
        this.json = json;
        this.batchLists = batchLists;
        this.efs = new EfsLayout(efsRoot);
        this.files = new RunFiles(efs);
        this.sizing = new BatchSizing(
                strategyBarsPerSecond.orElse(BatchSizing.PLANNING_STRATEGY_BARS_PER_SECOND),
                evaluateMemoryMb,
                Duration.ofSeconds(evaluateTimeoutSeconds));
        this.evaluateReservedConcurrency = evaluateReservedConcurrency;
    }

    /**
     * Creates the run row (or finds it), pins the plan to the current snapshots, sizes the batches, writes generation 0
     * and the run's batch list.
     */
    public GenerationRef seed(SeedRequest request) {
        if (request != null && request.resuming()) {
            return resume(request);
        }
        SeedRequest normalized = RunRequests.normalize(request);
        BarInterval interval = BarInterval.parse(normalized.interval());
        if (normalized.walkForward() != null) {
            return seedWalkForward(normalized, interval);
        }
        Optional<RunPlan> existing = files.findPlan(normalized.runId());
        // a replayed seed keeps the data of the plan written first: a run stays on the snapshots it started with
        List<DataSlice> data = existing.isPresent()
                ? existing.get().data()
                : RunRequests.slices(normalized, symbol -> latest(symbol, interval));
        int concurrency = effectiveConcurrency(normalized);
        int batchSize = batchSize(normalized, concurrency, barsPerStrategy(data));
        SeedRequest decided = RunRequests.withBatchSize(normalized, batchSize);
        RunPlan plan = RunRequests.plan(decided, data);
        if (existing.isPresent() && !existing.get().equals(plan)) {
            throw new InvalidRequestException("run " + plan.runId() + " already has a different plan in "
                    + efs.planFile(plan.runId()) + "; start a new run id");
        }

        createRun(decided);
        if (existing.isEmpty()) {
            files.writePlan(plan);
        }
        Population population = Generations.seed(plan);
        writeGeneration(plan, population);
        int batches = Generations.batchCount(plan);
        BatchList list = batchLists.write(plan.runId(), batches);
        LOG.infof(
                "seeded %s: %d strategies in %d batches of %d on %s (about %.1f s each); batch list s3://%s/%s",
                plan.runId(),
                plan.populationSize(),
                batches,
                plan.batchSize(),
                normalized.symbols(),
                sizing.seconds(plan.batchSize(), barsPerStrategy(data)),
                list.bucket(),
                list.key());
        return ref(plan, population.generation(), false, null, concurrency);
    }

    /**
     * Continues an interrupted run in a new execution ("continue as new", docs/architecture.md, decision 20): from its
     * last persisted generation, with the plan and configuration it was started with. The state machine then replays
     * that generation's evaluation (every batch is answered from its result file) and persist (idempotent), and breeds
     * on; breeding is deterministic for (run seed, generation), so the run reaches the leaderboard it would have
     * reached uninterrupted. A run with no persisted generation starts again from generation 0.
     */
    private GenerationRef resume(SeedRequest request) {
        String runId = request.runId();
        if (runId == null || !RunRequests.RUN_ID.matcher(runId).matches()) {
            throw new InvalidRequestException("resume needs the runId of an existing run, got " + runId);
        }
        if (!request.equals(resumeOnly(runId))) {
            throw new InvalidRequestException("a resumed run keeps its stored configuration: send only {runId, resume:"
                    + " true}, got " + json.valueToTree(request));
        }
        RunRow run = database.await("resume run " + runId, c -> runs.resume(c, runId))
                .orElseThrow(() -> new InvalidRequestException(
                        "no run " + runId + " to resume: it never started (start it without resume)"));
        if (run.status().equals("succeeded")) {
            throw new InvalidRequestException("run " + runId + " already succeeded: nothing to resume");
        }
        SeedRequest config;
        try {
            config = json.readValue(run.configJson(), SeedRequest.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "run " + runId + " has an unreadable configuration: " + run.configJson(), e);
        }
        if (config.walkForward() != null) {
            throw new InvalidRequestException("run " + runId + " is a walk-forward run: resuming one is not supported;"
                    + " start it again under a new run id");
        }
        RunPlan plan = files.findPlan(runId).orElseThrow(() -> new InvalidRequestException(files.missingPlan(runId)));
        int generation = run.generation() == null ? 0 : run.generation();
        if (generation == 0) {
            writeGeneration(plan, Generations.seed(plan)); // the seed may not have finished: the same bytes again
        }
        batchLists.write(runId, Generations.batchCount(plan));
        int concurrency = effectiveConcurrency(config);
        LOG.infof(
                "resumed %s at generation %d of %d (%s persisted)",
                runId, generation, plan.generations(), run.generation() == null ? "none" : "0.." + run.generation());
        return ref(plan, generation, false, null, concurrency);
    }

    private static SeedRequest resumeOnly(String runId) {
        return new SeedRequest(
                runId, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, true);
    }

    /**
     * A walk-forward parent: creates its run row, writes its folds ({@code folds.json}) and returns the fold runs'
     * inputs for the state machine to start; it evolves nothing itself. A replayed seed finds the folds it wrote.
     */
    private GenerationRef seedWalkForward(SeedRequest normalized, BarInterval interval) {
        WalkForwardPlan planned = WalkForwards.plan(normalized, symbol -> latest(symbol, interval));
        WalkForwardPlan plan = files.findWalkForward(normalized.runId()).orElse(planned);
        createRun(normalized);
        files.writeWalkForward(plan);
        List<SeedRequest> folds = WalkForwards.inputs(normalized, plan);
        LOG.infof(
                "planned %s: %d %s walk-forward folds, %s .. %s",
                plan.runId(),
                folds.size(),
                plan.anchored() ? "anchored" : "rolling",
                folds.get(0).from(),
                folds.get(folds.size() - 1).to());
        return new GenerationRef(
                plan.runId(),
                0,
                normalized.populationSize(),
                0,
                0,
                null,
                true,
                null,
                null,
                normalized.maxConcurrency(),
                folds,
                normalized.foldConcurrency());
    }

    /** The run's row with {@code request} as its config; a replay finds it, another config under the id is refused. */
    private void createRun(SeedRequest request) {
        JsonObject config = new JsonObject(json.valueToTree(request).toString());
        config.remove("resume"); // how an execution started, not what the run is
        RunRow run = database.await(
                "create run " + request.runId(),
                c -> runs.createIfAbsent(c, request.runId(), config, request.seed(), request.generations()));
        if (!new JsonObject(run.configJson()).equals(config)) {
            throw new InvalidRequestException("run " + request.runId() + " already exists with another "
                    + "configuration: " + run.configJson() + "; start a new run id");
        }
    }

    private SnapshotRef latest(String symbol, BarInterval interval) {
        return SnapshotManifest.latest(efs, symbol, interval)
                .orElseThrow(() -> new InvalidRequestException(
                        "no market data for " + symbol + " " + interval + " in " + efs.root() + ": ingest it first"));
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

    /** The run input's maxConcurrency, capped at evaluate's reserved concurrency (more would only be throttled). */
    private int effectiveConcurrency(SeedRequest normalized) {
        int requested = normalized.maxConcurrency();
        if (evaluateReservedConcurrency > 0 && requested > evaluateReservedConcurrency) {
            LOG.infof(
                    "%s: maxConcurrency %d capped at evaluate's reserved concurrency %d",
                    normalized.runId(), requested, evaluateReservedConcurrency);
            return evaluateReservedConcurrency;
        }
        return requested;
    }

    /** The seed's batch size; a run that cannot fit is a bad request, refused before anything is written. */
    private int batchSize(SeedRequest normalized, int concurrency, long barsPerStrategy) {
        try {
            return sizing.size(normalized.batchSize(), normalized.populationSize(), concurrency, barsPerStrategy);
        } catch (BatchDoesNotFitException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    /** The in-sample bars one strategy is evaluated on, over every symbol (from the snapshots' headers). */
    private long barsPerStrategy(List<DataSlice> data) {
        long bars = 0;
        for (DataSlice slice : data) {
            SnapshotRef snapshot = SnapshotReader.describe(
                    efs, slice.symbol(), BarInterval.parse(slice.interval()), slice.snapshotId());
            double span = snapshot.lastTime() + 1.0 - snapshot.firstTime();
            double share = Math.min(1.0, (slice.inSampleTo() - slice.inSampleFrom()) / span);
            bars += (long) Math.ceil(snapshot.rows() * share);
        }
        return bars;
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
            // breeding reads ids and fitness only; the metrics of a million strategies would not fit its memory
            results.add(files.readResult(ref).scoresOnly());
        }
        return results;
    }

    private Path summaryFile(String runId, int generation) {
        return efs.generationDir(runId, generation).resolve(SUMMARY_FILE);
    }

    private GenerationRef ref(
            RunPlan plan, int generation, boolean done, GenerationSummary summary, Integer maxConcurrency) {
        return new GenerationRef(
                plan.runId(),
                generation,
                plan.populationSize(),
                plan.batchSize(),
                done ? 0 : Generations.batchCount(plan),
                batchLists.of(plan.runId()),
                done,
                summary == null ? null : summary.bestId(),
                summary == null ? null : summary.bestFitness(),
                maxConcurrency,
                null,
                null);
    }
}
