package dev.phylo.engine.evolve;

import java.util.Arrays;

/**
 * A genome and its fitness (higher is better). Fitness must be finite: map an undefined metric to a low finite value
 * first, as {@link Objective#fitness} does. The genes are copied in and out, so a {@code Scored} is immutable.
 */
public record Scored(double[] genes, double fitness) {
    public Scored {
        if (genes == null || genes.length == 0) {
            throw new IllegalArgumentException("a scored genome needs genes");
        }
        if (!Double.isFinite(fitness)) {
            throw new IllegalArgumentException("fitness must be finite (map undefined metrics with Objective.fitness): "
                    + fitness + " for genes " + Arrays.toString(genes));
        }
        genes = genes.clone();
    }

    @Override
    public double[] genes() {
        return genes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scored s
                && Arrays.equals(genes, s.genes)
                && Double.doubleToLongBits(fitness) == Double.doubleToLongBits(s.fitness);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(genes) + Double.hashCode(fitness);
    }

    @Override
    public String toString() {
        return "Scored[fitness=" + fitness + ", genes=" + Arrays.toString(genes) + "]";
    }
}
