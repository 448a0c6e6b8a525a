package dev.phylo.engine.evolve;

import dev.phylo.engine.evolve.internal.Genes;
import dev.phylo.engine.evolve.internal.Genomes;
import dev.phylo.engine.evolve.internal.ReflectingGaussianMutator;
import dev.phylo.engine.strategy.StrategySpec;
import io.jenetics.Alterer;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.UniformCrossover;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One stateless GA step: a scored generation in, the next generation's genomes out. Same inputs, same output, bit
 * for bit, on any thread (docs/architecture.md, "Deterministic and idempotent"): every random draw comes from one {@link SplittableRandom} seeded with
 * {@link Seeds#forGeneration(long, int)}, installed for the calling thread only with
 * {@link RandomRegistry#with(java.util.random.RandomGenerator, java.util.function.Function)}, so no global state is
 * read or left behind.
 *
 * <p>Breeding: the {@code eliteCount} fittest genomes are copied unchanged to the front of the next generation (ties
 * broken by lower index); the rest are drawn by {@link TournamentSelector}, recombined by {@link UniformCrossover}
 * (swap probability 1/2) and mutated by a Gaussian step reflected into [0, 1).
 */
public final class BreedingStep {
    private static final double SWAP_PROBABILITY = 0.5;

    private BreedingStep() {}

    /** Generation 0: {@code size} genomes of uniform random genes, drawn from the seed of (runSeed, 0). */
    public static List<double[]> seed(int size, long runSeed, SearchSpace space) {
        return seed(size, runSeed, space, List.of());
    }

    /**
     * Generation 0 starting with the given known strategies (encoded with {@link GenomeCodec#encode}), filled up to
     * {@code size} with random genomes. The random genomes are the same whatever the known list.
     *
     * @throws NotInSearchSpaceException when a known strategy is outside the space
     */
    public static List<double[]> seed(int size, long runSeed, SearchSpace space, List<StrategySpec> known) {
        if (size < 1) {
            throw new IllegalArgumentException("population size must be >= 1: " + size);
        }
        if (known.size() > size) {
            throw new IllegalArgumentException(
                    "%d known strategies do not fit in a population of %d".formatted(known.size(), size));
        }
        GenomeCodec codec = GenomeCodec.of(space);
        List<double[]> out = new ArrayList<>(size);
        known.forEach(spec -> out.add(codec.encode(spec)));
        int length = codec.length();
        ISeq<Genotype<DoubleGene>> random =
                RandomRegistry.with(new SplittableRandom(Seeds.forGeneration(runSeed, 0)), r -> {
                    Genotype<DoubleGene> factory = Genotype.of(DoubleChromosome.of(0, 1, length));
                    return ISeq.of(factory::newInstance, size - known.size());
                });
        random.forEach(g -> out.add(Genomes.fromGenotype(g)));
        return out;
    }

    /**
     * Breeds generation {@code generation} (&gt;= 1) from the scored previous one. The first
     * {@code min(eliteCount, population.size())} genomes returned are the elites, fittest first.
     *
     * @return {@code cfg.populationSize()} new arrays, every gene in [0, 1)
     */
    public static List<double[]> next(List<Scored> population, int generation, long runSeed, BreedingConfig cfg) {
        return next(population, generation, runSeed, cfg, null);
    }

    /**
     * As {@link #next(List, int, long, BreedingConfig)}, with selection and elitism on the fitness {@code niches}
     * leaves after clearing (null: none). Elites are then the best of different niches first.
     */
    public static List<double[]> next(
            List<Scored> population, int generation, long runSeed, BreedingConfig cfg, Niches niches) {
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be >= 1 (generation 0 is seeded): " + generation);
        }
        if (population == null || population.isEmpty()) {
            throw new IllegalArgumentException("cannot breed from an empty population");
        }
        int length = population.get(0).genes().length;
        List<double[]> parents = new ArrayList<>(population.size());
        for (int i = 0; i < population.size(); i++) {
            double[] genes = population.get(i).genes();
            try {
                Genes.check(genes, length);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("genome %d: %s".formatted(i, e.getMessage()), e);
            }
            parents.add(genes);
        }
        double[] fitness = population.stream().mapToDouble(Scored::fitness).toArray();
        double[] selection = niches == null ? fitness : niches.clear(fitness);
        int elites = Math.min(cfg.eliteCount(), population.size());
        List<double[]> out = new ArrayList<>(cfg.populationSize());
        IntStream.range(0, population.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -selection[i]).thenComparingInt(i -> i))
                .limit(elites)
                .forEach(i -> out.add(parents.get(i)));
        int offspring = cfg.populationSize() - elites;
        if (offspring > 0) {
            ISeq<Phenotype<DoubleGene, Double>> phenotypes = IntStream.range(0, population.size())
                    .mapToObj(i -> Phenotype.of(Genomes.toGenotype(parents.get(i)), generation - 1L, selection[i]))
                    .collect(ISeq.toISeq());
            ISeq<Phenotype<DoubleGene, Double>> children = RandomRegistry.with(
                    new SplittableRandom(Seeds.forGeneration(runSeed, generation)),
                    r -> breed(phenotypes, offspring, generation, cfg));
            children.forEach(p -> out.add(Genomes.fromGenotype(p.genotype())));
        }
        return out;
    }

    private static ISeq<Phenotype<DoubleGene, Double>> breed(
            ISeq<Phenotype<DoubleGene, Double>> population, int count, int generation, BreedingConfig cfg) {
        ISeq<Phenotype<DoubleGene, Double>> selected = new TournamentSelector<DoubleGene, Double>(cfg.tournamentSize())
                .select(population, count, Optimize.MAXIMUM);
        Alterer<DoubleGene, Double> alterer = new UniformCrossover<DoubleGene, Double>(
                        cfg.crossoverProbability(), SWAP_PROBABILITY)
                .andThen(new ReflectingGaussianMutator<>(cfg.mutationProbability(), cfg.mutationSigma()));
        return alterer.alter(selected, generation).population();
    }
}
