package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import java.util.Arrays;

/**
 * One genome of a population.
 *
 * @param id    the strategy id: 32 lower-case hex characters
 * @param genes the genome, all finite; copied in and out, so an individual never changes
 */
public record Individual(String id, double[] genes) {
    public Individual {
        Checks.hex32("strategy id", id);
        genes = Checks.finite("genes of " + id, genes).clone();
    }

    @Override
    public double[] genes() {
        return genes.clone();
    }

    /** Number of genes, without copying them. */
    public int geneCount() {
        return genes.length;
    }

    /** Gene {@code i}, without copying the genome. */
    public double gene(int i) {
        return genes[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Individual other && id.equals(other.id) && Arrays.equals(genes, other.genes);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(genes);
    }

    @Override
    public String toString() {
        return "Individual[id=" + id + ", genes=" + Arrays.toString(genes) + "]";
    }
}
