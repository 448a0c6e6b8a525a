package dev.phylo.engine.evolve;

import dev.phylo.engine.evolve.internal.GridChecks;

/**
 * How one generation breeds the next.
 *
 * @param populationSize       genomes in the bred generation, &gt;= 1
 * @param tournamentSize       genomes drawn (with replacement) per tournament; the fittest wins, &gt;= 2 (Jenetics'
 *                             {@code TournamentSelector} refuses 1)
 * @param crossoverProbability chance that a selected genome is recombined with a random mate (uniform crossover,
 *                             each gene swapped with probability 1/2), in [0, 1]
 * @param mutationProbability  chance that a gene is mutated, in [0, 1]
 * @param mutationSigma        standard deviation of a gene's Gaussian step, reflected at 0 and 1, in (0, 1]
 * @param eliteCount           fittest genomes copied unchanged, in [0, populationSize]
 */
public record BreedingConfig(
        int populationSize,
        int tournamentSize,
        double crossoverProbability,
        double mutationProbability,
        double mutationSigma,
        int eliteCount) {
    public static final int DEFAULT_TOURNAMENT = 3;
    public static final double DEFAULT_CROSSOVER = 0.7;
    public static final double DEFAULT_MUTATION = 0.1;
    public static final double DEFAULT_SIGMA = 0.1;

    public BreedingConfig {
        if (populationSize < 1) {
            throw new IllegalArgumentException("populationSize must be >= 1: " + populationSize);
        }
        if (tournamentSize < 2) {
            throw new IllegalArgumentException("tournamentSize must be >= 2: " + tournamentSize);
        }
        GridChecks.unit(crossoverProbability, "crossoverProbability");
        GridChecks.unit(mutationProbability, "mutationProbability");
        if (!(mutationSigma > 0 && mutationSigma <= 1)) {
            throw new IllegalArgumentException("mutationSigma must be in (0, 1]: " + mutationSigma);
        }
        if (eliteCount < 0 || eliteCount > populationSize) {
            throw new IllegalArgumentException(
                    "eliteCount must be in [0, populationSize=%d]: %d".formatted(populationSize, eliteCount));
        }
    }

    /**
     * Tournaments of {@value #DEFAULT_TOURNAMENT}, crossover {@value #DEFAULT_CROSSOVER}, mutation
     * {@value #DEFAULT_MUTATION} per gene with sigma {@value #DEFAULT_SIGMA}, and max(1, 2 %) elites (rounded down).
     */
    public static BreedingConfig defaults(int populationSize) {
        return new BreedingConfig(
                populationSize,
                DEFAULT_TOURNAMENT,
                DEFAULT_CROSSOVER,
                DEFAULT_MUTATION,
                DEFAULT_SIGMA,
                Math.min(populationSize, Math.max(1, populationSize / 50)));
    }

    public BreedingConfig withEliteCount(int elites) {
        return new BreedingConfig(
                populationSize, tournamentSize, crossoverProbability, mutationProbability, mutationSigma, elites);
    }

    public BreedingConfig withMutation(double probability, double sigma) {
        return new BreedingConfig(populationSize, tournamentSize, crossoverProbability, probability, sigma, eliteCount);
    }
}
