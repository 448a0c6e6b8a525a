package dev.phylo.engine.evolve;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Niching by clearing (Pétrowski, "A Clearing Procedure as a Niching Method for Genetic Algorithms", IEEE ICEC 1996):
 * within each niche only its {@code capacity} fittest genomes keep their fitness for selection; the others are moved
 * below every winner, keeping their order among themselves. One idea cannot then take over the whole population by
 * sheer numbers: its copies beyond the capacity lose tournaments to the best of other niches, which stay alive.
 *
 * <p>A niche here is a strategy's rule family and direction ({@link GenomeCodec#niche}): a behavioural class that
 * the genome states outright, where the distance between two strategies is 0 inside a niche and infinite across
 * niches. The fitness reported for each strategy is unchanged; clearing only steers breeding (docs/architecture.md,
 * decision 17).
 *
 * @param of       the niche of each genome, in population order
 * @param capacity winners per niche, &gt;= 1
 */
public record Niches(int[] of, int capacity) {

    public Niches {
        if (capacity < 1) {
            throw new IllegalArgumentException("niche capacity must be >= 1: " + capacity);
        }
        of = of.clone();
    }

    /** The niches of {@code genomes} under {@code codec}, with the given capacity. */
    public static Niches of(java.util.List<double[]> genomes, GenomeCodec codec, int capacity) {
        return new Niches(genomes.stream().mapToInt(codec::niche).toArray(), capacity);
    }

    /** One niche in eight of the population: {@code max(1, populationSize / 8)}. */
    public static int defaultCapacity(int populationSize) {
        return Math.max(1, populationSize / 8);
    }

    /**
     * The fitness selection sees: each niche's {@code capacity} fittest (ties: lower index) keep theirs; the others get
     * theirs minus (max − min + 1), so that they rank below every winner and in their own order.
     *
     * @throws IllegalArgumentException when the sizes differ
     */
    double[] clear(double[] fitness) {
        if (fitness.length != of.length) {
            throw new IllegalArgumentException("%d fitness values for %d niches".formatted(fitness.length, of.length));
        }
        double max = Arrays.stream(fitness).max().orElse(0);
        double min = Arrays.stream(fitness).min().orElse(0);
        double drop = max - min + 1;
        java.util.Map<Integer, Integer> winners = new java.util.HashMap<>();
        double[] cleared = fitness.clone();
        IntStream.range(0, fitness.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -fitness[i]).thenComparingInt(i -> i))
                .forEachOrdered(i -> {
                    int kept = winners.merge(of[i], 1, Integer::sum);
                    if (kept > capacity) {
                        cleared[i] = fitness[i] - drop;
                    }
                });
        return cleared;
    }

    @Override
    public int[] of() {
        return of.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Niches other && capacity == other.capacity && Arrays.equals(of, other.of);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(of) + capacity;
    }

    @Override
    public String toString() {
        return "Niches[genomes=%d, capacity=%d]".formatted(of.length, capacity);
    }
}
