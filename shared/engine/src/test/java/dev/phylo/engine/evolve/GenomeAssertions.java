package dev.phylo.engine.evolve;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on plain gene arrays shared by the evolve tests. */
final class GenomeAssertions {
    private GenomeAssertions() {}

    /** Asserts {@code length} genes, each in [0, 1). */
    static void assertGenome(double[] genes, int length) {
        assertThat(genes).hasSize(length);
        for (int i = 0; i < genes.length; i++) {
            assertThat(genes[i]).as("gene %d", i).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
    }

    /** 0 when the arrays hold the same bits, 1 otherwise: an element comparator for lists of genomes. */
    static int bitwise(double[] a, double[] b) {
        if (a.length != b.length) {
            return 1;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return 1;
            }
        }
        return 0;
    }
}
