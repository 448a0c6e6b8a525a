package dev.phylo.functions.report;

import dev.phylo.efs.BatchRef;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.Individual;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.StrategyResult;
import dev.phylo.engine.evolve.GenomeCodec;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.engine.strategy.StrategySpecs;
import dev.phylo.evolution.GenerationSummary;
import dev.phylo.evolution.Generations;
import dev.phylo.evolution.PlanTerms;
import dev.phylo.function.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's evaluated generations as the run files hold them. A generation counts when every batch of it has a result
 * file; counting stops at the first one that does not (generations are evaluated in order).
 */
final class RunHistory {

    /**
     * One distinct strategy: where it first appeared, its in-sample fitness, its in-sample Sharpe ratio per symbol
     * (null where undefined), a fingerprint of all its in-sample metrics, and its genes. A million trials must fit a
     * function's memory, so neither the metrics nor the decoded spec are kept (docs/architecture.md, "Scale").
     */
    record Trial(
            String id,
            int generation,
            double fitness,
            Map<String, Double> sharpeBySymbol,
            Behaviour behaviour,
            double[] genes,
            GenomeCodec codec) {

        /** The strategy, decoded from its genes. */
        StrategySpec spec() {
            return codec.decode(genes);
        }

        static Trial of(
                String id,
                int generation,
                double fitness,
                Map<String, Metrics> metrics,
                double[] genes,
                GenomeCodec codec) {
            Map<String, Double> sharpes = new TreeMap<>();
            metrics.forEach((symbol, m) -> sharpes.put(symbol, m.sharpe()));
            return new Trial(id, generation, fitness, sharpes, Behaviour.of(metrics), genes, codec);
        }
    }

    /** By fitness, highest first; equal fitness by id, as {@code Generations.summarize} breaks ties. */
    static final Comparator<Trial> BY_FITNESS =
            Comparator.comparingDouble(Trial::fitness).reversed().thenComparing(Trial::id);

    private final RunPlan plan;
    private final Population last;
    private final List<GenerationSummary> summaries;
    private final Map<String, Trial> trials;

    private RunHistory(RunPlan plan, Population last, List<GenerationSummary> summaries, Map<String, Trial> trials) {
        this.plan = plan;
        this.last = last;
        this.summaries = summaries;
        this.trials = trials;
    }

    /**
     * Reads the plan and every complete generation.
     *
     * @throws IllegalStateException when not even generation 0 is complete
     */
    static RunHistory read(RunFiles files, String runId) {
        RunPlan plan = files.findPlan(runId).orElseThrow(() -> new InvalidRequestException(files.missingPlan(runId)));
        int batches = Generations.batchCount(plan);
        GenomeCodec codec = PlanTerms.codec(plan);
        Population last = null;
        List<GenerationSummary> summaries = new ArrayList<>();
        Map<String, Trial> trials = new LinkedHashMap<>();
        for (int g = 0; g < plan.generations() && files.listResults(runId, g).size() == batches; g++) {
            Population population = files.readPopulation(runId, g);
            // a batch at a time: batch b holds individuals [b x batchSize, (b + 1) x batchSize) of the population (as
            // Generations.batches cuts it), and only ids and fitness of a batch's results stay
            List<Individual> individuals = population.individuals();
            List<BatchResult> scores = new ArrayList<>(batches);
            for (int b = 0; b < batches; b++) {
                BatchResult batch = files.readResult(new BatchRef(runId, g, b));
                Map<String, StrategyResult> byId = new HashMap<>();
                batch.results().forEach(r -> byId.put(r.id(), r));
                int from = b * plan.batchSize();
                for (Individual individual :
                        individuals.subList(from, Math.min(individuals.size(), from + plan.batchSize()))) {
                    StrategyResult result = byId.get(individual.id());
                    if (result == null) {
                        throw new IllegalStateException("strategy %s of %s generation %d has no result in %s"
                                .formatted(
                                        individual.id(),
                                        runId,
                                        g,
                                        files.layout().resultFile(new BatchRef(runId, g, b))));
                    }
                    if (!trials.containsKey(individual.id())) {
                        String id = StrategySpecs.id(codec.decode(individual.genes()));
                        if (!id.equals(individual.id())) {
                            throw new IllegalStateException("%s generation %d: genes of %s decode to strategy %s"
                                    .formatted(runId, g, individual.id(), id));
                        }
                        trials.put(
                                id,
                                Trial.of(id, g, result.fitness(), result.metricsBySymbol(), individual.genes(), codec));
                    }
                }
                scores.add(batch.scoresOnly());
            }
            // one generation at a time: its summary is all that stays of it, and of the last, its population
            summaries.add(Generations.summarize(population, scores));
            last = population;
        }
        if (last == null) {
            throw new IllegalStateException("run %s has no evaluated generation: %s lacks result files"
                    .formatted(runId, files.layout().generationDir(runId, 0)));
        }
        return new RunHistory(plan, last, List.copyOf(summaries), trials);
    }

    RunPlan plan() {
        return plan;
    }

    int generations() {
        return summaries.size();
    }

    /** Every distinct strategy evaluated, in the order first seen. */
    List<Trial> trials() {
        return List.copyOf(trials.values());
    }

    /** The distinct strategies by in-sample fitness, best first. */
    List<Trial> ranked() {
        List<Trial> ranked = new ArrayList<>(trials.values());
        ranked.sort(BY_FITNESS);
        return ranked;
    }

    /** The distinct strategies of the last complete generation, in population order. */
    List<Trial> finalGeneration() {
        Map<String, Trial> distinct = new LinkedHashMap<>();
        for (Individual individual : last.individuals()) {
            distinct.putIfAbsent(individual.id(), trials.get(individual.id()));
        }
        return List.copyOf(distinct.values());
    }

    /** Best and median fitness of each generation, over all its individuals (as {@code breed} summarises). */
    List<GenerationSummary> summaries() {
        return summaries;
    }
}
