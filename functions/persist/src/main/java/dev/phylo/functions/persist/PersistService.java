package dev.phylo.functions.persist;

import dev.phylo.efs.BatchRef;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.Individual;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.StrategyResult;
import dev.phylo.engine.evolve.GenomeCodec;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.engine.strategy.StrategySpecs;
import dev.phylo.evolution.Generations;
import dev.phylo.evolution.PlanTerms;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.store.Database;
import dev.phylo.store.MetricsRepository;
import dev.phylo.store.MetricsRow;
import dev.phylo.store.RunRepository;
import dev.phylo.store.RunRow;
import dev.phylo.store.StrategyRepository;
import dev.phylo.store.StrategyRow;
import dev.phylo.store.UpsertCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads a generation's result files and stores them in one transaction: new strategies, one metrics row per
 * (strategy, symbol), then the run's progress recomputed from what is stored. Idempotent: a replay changes no row.
 */
@ApplicationScoped
public class PersistService {

    private static final Logger LOG = Logger.getLogger(PersistService.class);

    private final Database database;
    private final StrategyRepository strategies;
    private final MetricsRepository metrics;
    private final RunRepository runs;
    private final EfsLayout efs;
    private final RunFiles files;

    PersistService(
            Database database,
            StrategyRepository strategies,
            MetricsRepository metrics,
            RunRepository runs,
            @ConfigProperty(name = "phylo.efs.root") Path efsRoot) {
        this.database = database;
        this.strategies = strategies;
        this.metrics = metrics;
        this.runs = runs;
        this.efs = new EfsLayout(efsRoot);
        this.files = new RunFiles(efs);
    }

    public PersistSummary persist(PersistRequest request) {
        if (request.runId() == null || request.generation() == null || request.generation() < 0) {
            throw new InvalidRequestException("persist needs {runId, generation >= 0}, got " + request);
        }
        RunPlan plan = files.findPlan(request.runId())
                .orElseThrow(() -> new InvalidRequestException(files.missingPlan(request.runId())));
        int g = request.generation();
        Population population = files.readPopulation(plan.runId(), g);
        GenomeCodec codec = PlanTerms.codec(plan);
        Map<String, StrategyRow> specs = new LinkedHashMap<>();
        for (Individual individual : population.individuals()) {
            if (!specs.containsKey(individual.id())) {
                StrategySpec spec = codec.decode(individual.genes());
                specs.put(individual.id(), new StrategyRow(individual.id(), spec.name(), StrategySpecs.toJson(spec)));
            }
        }
        List<MetricsRow> rows = new ArrayList<>();
        for (int b = 0; b < Generations.batchCount(plan); b++) {
            BatchResult result = files.readResult(new BatchRef(plan.runId(), g, b));
            for (StrategyResult r : result.results()) {
                if (!specs.containsKey(r.id())) {
                    throw new IllegalStateException("result " + b + " of " + plan.runId() + " generation " + g
                            + " holds strategy " + r.id() + ", which is not in the population");
                }
                for (Map.Entry<String, Metrics> e : r.metricsBySymbol().entrySet()) {
                    rows.add(new MetricsRow(r.id(), e.getKey(), r.fitness(), e.getValue()));
                }
            }
        }
        Outcome outcome = database.await(
                "persist " + plan.runId() + " generation " + g,
                c -> runs.get(c, plan.runId())
                        .map(run -> run.orElseThrow(() -> new IllegalStateException(
                                "run " + plan.runId() + " has no row in runs: seed it first")))
                        .flatMap(run -> strategies
                                .upsert(c, specs.values())
                                .flatMap(added -> metrics.upsert(c, plan.runId(), g, run.createdAt(), rows)
                                        .flatMap(counts -> runs.recordProgress(c, plan.runId(), g, run.createdAt())
                                                .map(updated -> new Outcome(added, counts, updated))))));
        RunRow run = outcome.run();
        LOG.infof(
                "persisted %s generation %d: %d strategies (%d new), metrics %d/%d/%d; best %s %.4f",
                plan.runId(),
                g,
                specs.size(),
                outcome.newStrategies(),
                outcome.counts().inserted(),
                outcome.counts().updated(),
                outcome.counts().unchanged(),
                run.bestStrategyId(),
                run.bestFitness());
        return new PersistSummary(
                plan.runId(),
                g,
                specs.size(),
                outcome.newStrategies(),
                outcome.counts().inserted(),
                outcome.counts().updated(),
                outcome.counts().unchanged(),
                run.evaluated(),
                run.bestStrategyId(),
                run.bestFitness(),
                run.bestGeneration(),
                finished(plan, g, run));
    }

    /** The same rule as {@code Generations.finished}, from the run's stored best generation. */
    static boolean finished(RunPlan plan, int generation, RunRow run) {
        if (generation + 1 >= plan.generations()) {
            return true;
        }
        int stall = plan.stallGenerations();
        return stall > 0 && run.bestGeneration() != null && generation - run.bestGeneration() >= stall;
    }

    private record Outcome(int newStrategies, UpsertCounts counts, RunRow run) {}
}
