package dev.phylo.engine.evolve.internal;

import io.jenetics.Chromosome;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;

/** Conversions between plain gene arrays and Jenetics genotypes of one {@link DoubleChromosome} over [0, 1). */
public final class Genomes {
    private Genomes() {}

    public static Genotype<DoubleGene> toGenotype(double[] genes) {
        DoubleGene[] out = new DoubleGene[genes.length];
        for (int i = 0; i < genes.length; i++) {
            out[i] = DoubleGene.of(genes[i], 0, 1);
        }
        return Genotype.of(DoubleChromosome.of(out));
    }

    public static double[] fromGenotype(Genotype<DoubleGene> genotype) {
        if (genotype.length() != 1) {
            throw new IllegalArgumentException("genotype must have one chromosome, has " + genotype.length());
        }
        Chromosome<DoubleGene> c = genotype.chromosome();
        double[] out = new double[c.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.get(i).doubleValue();
        }
        return out;
    }
}
