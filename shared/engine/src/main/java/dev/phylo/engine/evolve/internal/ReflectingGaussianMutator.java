package dev.phylo.engine.evolve.internal;

import io.jenetics.DoubleGene;
import io.jenetics.Mutator;
import java.util.random.RandomGenerator;

/**
 * Adds a Gaussian step of standard deviation {@code sigma} (a share of the gene's range) to a gene, reflecting the
 * result back into [min, max). Jenetics' {@code GaussianMutator} uses a fixed sigma of a quarter of the range and
 * clamps, which piles mass on the two extreme choices of a bucketed gene; reflection does not.
 *
 * <p>As for every Jenetics {@link Mutator}, {@code probability} is the chance that a given gene mutates.
 */
public final class ReflectingGaussianMutator<C extends Comparable<? super C>> extends Mutator<DoubleGene, C> {
    private final double sigma;

    public ReflectingGaussianMutator(double probability, double sigma) {
        super(probability);
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive: " + sigma);
        }
        this.sigma = sigma;
    }

    @Override
    protected DoubleGene mutate(DoubleGene gene, RandomGenerator random) {
        double min = gene.min();
        double range = gene.max() - min;
        double unit = (gene.doubleValue() - min) / range + random.nextGaussian() * sigma;
        return gene.newInstance(min + reflect(unit) * range);
    }

    /** {@code x} folded into [0, 1) by reflection at 0 and 1. */
    static double reflect(double x) {
        double m = x % 2.0;
        if (m < 0) {
            m += 2.0;
        }
        double r = m <= 1 ? m : 2 - m;
        return r < 1 ? r : Math.nextDown(1.0);
    }

    @Override
    public String toString() {
        return "ReflectingGaussianMutator[p=%s, sigma=%s]".formatted(_probability, sigma);
    }
}
