package dev.phylo.engine.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NichesTest {
    private static final long RUN_SEED = 20_261_206L;
    private static final SearchSpace SPACE = SearchSpace.defaults();
    private static final GenomeCodec CODEC = GenomeCodec.of(SPACE);

    @Test
    void eachNicheKeepsItsCapacityOfWinnersAndTheRestFallBelowEveryWinnerInOrder() {
        // niche 0 holds indexes 0, 1, 2; niche 1 holds 3. Max 3, min 0.5: the cleared drop by 3 - 0.5 + 1 = 3.5
        Niches niches = new Niches(new int[] {0, 0, 0, 1}, 1);

        double[] cleared = niches.clear(new double[] {3, 2, 1, 0.5});

        assertThat(cleared).containsExactly(3, -1.5, -2.5, 0.5);
        assertThat(new Niches(new int[] {0, 0, 0, 1}, 2).clear(new double[] {3, 2, 1, 0.5}))
                .containsExactly(3, 2, -2.5, 0.5);
    }

    @Test
    void tiesKeepTheLowerIndex() {
        assertThat(new Niches(new int[] {7, 7}, 1).clear(new double[] {1, 1})).containsExactly(1, 0);
    }

    @Test
    void theNicheIsTheFamilyAndTheDirection() {
        for (double[] genes : BreedingStep.seed(200, RUN_SEED, SPACE)) {
            var spec = CODEC.decode(genes);
            double[] other = genes.clone();
            other[GenomeCodec.PARAMETER_GENES] = (other[GenomeCodec.PARAMETER_GENES] + 0.5) % 1.0;
            // parameters do not move a genome to another niche; family and direction do
            assertThat(CODEC.niche(other)).isEqualTo(CODEC.niche(genes));
            assertThat(CODEC.niche(genes))
                    .isBetween(0, SPACE.families().size() * SPACE.directions().size() - 1);
            assertThat(spec.name()).isNotBlank();
        }
        Set<Integer> niches = new HashSet<>();
        BreedingStep.seed(500, RUN_SEED, SPACE).forEach(g -> niches.add(CODEC.niche(g)));
        assertThat(niches).hasSize(SPACE.families().size() * SPACE.directions().size());
    }

    @Test
    void clearingKeepsSeveralNichesAliveWhereSelectionAloneLetsOneTakeOver() {
        int size = 120;
        BreedingConfig cfg = BreedingConfig.defaults(size);
        List<double[]> plain = BreedingStep.seed(size, RUN_SEED, SPACE);
        List<double[]> niched = plain;
        for (int generation = 1; generation <= 25; generation++) {
            plain = BreedingStep.next(scored(plain), generation, RUN_SEED, cfg);
            niched = BreedingStep.next(
                    scored(niched), generation, RUN_SEED, cfg, Niches.of(niched, CODEC, Niches.defaultCapacity(size)));
        }

        assertThat(largestShare(plain))
                .as("one niche takes over without clearing")
                .isGreaterThan(0.6);
        assertThat(nichesHolding(niched, 0.05))
                .as("niches holding 5 % each with clearing")
                .isGreaterThanOrEqualTo(4);
        assertThat(nichesHolding(niched, 0.05)).isGreaterThan(nichesHolding(plain, 0.05));
        assertThat(largestShare(niched)).isLessThan(largestShare(plain));
    }

    @Test
    void refusesACapacityBelowOneAndMismatchedSizes() {
        assertThatThrownBy(() -> new Niches(new int[] {0}, 0)).hasMessageContaining("capacity must be >= 1");
        assertThatThrownBy(() -> new Niches(new int[] {0}, 1).clear(new double[2]))
                .hasMessageContaining("2 fitness values for 1 niches");
    }

    /**
     * Fitness by niche: niche 0 (the first family, long) is worth 1, every other niche less by its number, and the
     * parameters add a little, so that selection alone would fill the population with niche 0.
     */
    private static List<Scored> scored(List<double[]> genomes) {
        return genomes.stream()
                .map(g -> new Scored(g, 1.0 - 0.02 * CODEC.niche(g) + 0.01 * g[GenomeCodec.PARAMETER_GENES]))
                .toList();
    }

    private static double largestShare(List<double[]> genomes) {
        int[] counts = counts(genomes);
        return (double) java.util.Arrays.stream(counts).max().orElse(0) / genomes.size();
    }

    private static int nichesHolding(List<double[]> genomes, double share) {
        return (int) java.util.Arrays.stream(counts(genomes))
                .filter(c -> c >= share * genomes.size())
                .count();
    }

    private static int[] counts(List<double[]> genomes) {
        int[] counts = new int[SPACE.families().size() * SPACE.directions().size()];
        genomes.forEach(g -> counts[CODEC.niche(g)]++);
        return counts;
    }
}
