package dev.phylo.evolution;

import dev.phylo.efs.Batch;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.Individual;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.StrategyResult;
import dev.phylo.engine.evolve.BreedingConfig;
import dev.phylo.engine.evolve.BreedingStep;
import dev.phylo.engine.evolve.GenomeCodec;
import dev.phylo.engine.evolve.Niches;
import dev.phylo.engine.evolve.Scored;
import dev.phylo.engine.strategy.StrategySpecs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's generations as pure functions of the plan: generation 0 from (run seed, 0), generation g+1 from
 * generation g's population and results and (run seed, g+1). No clock, no shared random state, no I/O: a replay
 * computes the same populations.
 */
public final class Generations {

    private Generations() {}

    public static Population seed(RunPlan plan) {
        GenomeCodec codec = PlanTerms.codec(plan);
        List<double[]> genes = BreedingStep.seed(plan.populationSize(), plan.seed(), codec.space());
        return population(plan.runId(), 0, genes, codec);
    }

    /** Generation g+1, bred from generation g (every individual must have a result). */
    public static Population breed(RunPlan plan, Population current, List<BatchResult> results) {
        Map<String, Double> fitness = fitnessById(current, results);
        List<Scored> scored = new ArrayList<>(current.individuals().size());
        for (Individual individual : current.individuals()) {
            scored.add(new Scored(individual.genes(), fitness.get(individual.id())));
        }
        int next = current.generation() + 1;
        GenomeCodec codec = PlanTerms.codec(plan);
        // niching: one family and direction keeps at most an eighth of the population's say in selection
        Niches niches = Niches.of(
                scored.stream().map(Scored::genes).toList(),
                codec,
                Niches.defaultCapacity(current.individuals().size()));
        List<double[]> genes =
                BreedingStep.next(scored, next, plan.seed(), BreedingConfig.defaults(plan.populationSize()), niches);
        return population(plan.runId(), next, genes, codec);
    }

    /** The population cut into batches of {@code plan.batchSize()} in order; the last may be shorter. */
    public static List<Batch> batches(RunPlan plan, Population population) {
        List<Individual> all = population.individuals();
        List<Batch> out = new ArrayList<>();
        for (int from = 0, b = 0; from < all.size(); from += plan.batchSize(), b++) {
            List<Individual> part = all.subList(from, Math.min(all.size(), from + plan.batchSize()));
            out.add(new Batch(population.runId(), population.generation(), b, List.copyOf(part)));
        }
        return out;
    }

    public static int batchCount(RunPlan plan) {
        return (plan.populationSize() + plan.batchSize() - 1) / plan.batchSize();
    }

    public static GenerationSummary summarize(Population population, List<BatchResult> results) {
        Map<String, Double> fitness = fitnessById(population, results);
        double[] values = new double[population.individuals().size()];
        String bestId = null;
        double best = Double.NEGATIVE_INFINITY;
        int i = 0;
        for (Individual individual : population.individuals()) {
            double f = fitness.get(individual.id());
            values[i++] = f;
            if (f > best || (f == best && bestId != null && individual.id().compareTo(bestId) < 0)) {
                best = f;
                bestId = individual.id();
            }
        }
        Arrays.sort(values);
        int n = values.length;
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        return new GenerationSummary(population.runId(), population.generation(), n, bestId, best, median);
    }

    /**
     * Whether the run stops after the generation whose summary is last in {@code history} (ordered by generation):
     * the planned number of generations is reached, or the best fitness has not improved for
     * {@code plan.stallGenerations()} generations (0 turns the stall rule off).
     */
    public static boolean finished(RunPlan plan, List<GenerationSummary> history) {
        GenerationSummary last = history.get(history.size() - 1);
        if (last.generation() + 1 >= plan.generations()) {
            return true;
        }
        int stall = plan.stallGenerations();
        if (stall <= 0 || history.size() <= stall) {
            return false;
        }
        double before = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < history.size() - stall; i++) {
            before = Math.max(before, history.get(i).bestFitness());
        }
        for (int i = history.size() - stall; i < history.size(); i++) {
            if (history.get(i).bestFitness() > before) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Double> fitnessById(Population population, List<BatchResult> results) {
        Map<String, Double> fitness = new HashMap<>();
        for (BatchResult result : results) {
            if (result.generation() != population.generation()
                    || !result.runId().equals(population.runId())) {
                throw new IllegalArgumentException("result of %s generation %d batch %d does not belong to %s "
                                .formatted(result.runId(), result.generation(), result.batch(), population.runId())
                        + "generation " + population.generation());
            }
            for (StrategyResult r : result.results()) {
                fitness.put(r.id(), r.fitness());
            }
        }
        for (Individual individual : population.individuals()) {
            if (!fitness.containsKey(individual.id())) {
                throw new IllegalStateException("strategy %s of %s generation %d has no result: a batch is missing"
                        .formatted(individual.id(), population.runId(), population.generation()));
            }
        }
        return fitness;
    }

    private static Population population(String runId, int generation, List<double[]> genes, GenomeCodec codec) {
        List<Individual> individuals = new ArrayList<>(genes.size());
        for (double[] g : genes) {
            individuals.add(new Individual(StrategySpecs.id(codec.decode(g)), g));
        }
        return new Population(runId, generation, individuals);
    }
}
