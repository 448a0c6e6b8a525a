package dev.phylo.engine.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.engine.strategy.ExampleStrategies;
import dev.phylo.engine.strategy.StrategySpec;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BreedingStepTest {
    private static final long RUN_SEED = 20_240_601L;
    private static final SearchSpace SPACE = SearchSpace.defaults();
    private static final int LENGTH = GenomeCodec.of(SPACE).length();

    /** Fitness = minus the Euclidean distance to a fixed target genome. */
    private static final double[] TARGET =
            new SplittableRandom(99).doubles(LENGTH).toArray();

    static double closeness(double[] genes) {
        double sum = 0;
        for (int i = 0; i < genes.length; i++) {
            sum += (genes[i] - TARGET[i]) * (genes[i] - TARGET[i]);
        }
        return -Math.sqrt(sum);
    }

    static List<Scored> scored(List<double[]> genomes) {
        return genomes.stream().map(g -> new Scored(g, closeness(g))).toList();
    }

    static List<Scored> generationZero(int size) {
        return scored(BreedingStep.seed(size, RUN_SEED, SPACE));
    }

    @Test
    void seedIsDeterministicSizedAndInsideTheUnitInterval() {
        List<double[]> a = BreedingStep.seed(40, RUN_SEED, SPACE);
        List<double[]> b = BreedingStep.seed(40, RUN_SEED, SPACE);

        assertThat(a).hasSize(40).allSatisfy(BreedingStepTest::assertGenome);
        assertThat(a).usingElementComparator(GenomeAssertions::bitwise).containsExactlyElementsOf(b);
        assertThat(BreedingStep.seed(40, RUN_SEED + 1, SPACE))
                .usingElementComparator(GenomeAssertions::bitwise)
                .doesNotContainAnyElementsOf(a);
    }

    @Test
    void seedStartsWithKnownStrategiesThenTheSameRandomGenomes() {
        StrategySpec sma = ExampleStrategies.get("sma-cross-stop-and-reverse");
        GenomeCodec codec = GenomeCodec.of(SPACE);

        List<double[]> seeded = BreedingStep.seed(10, RUN_SEED, SPACE, List.of(sma));

        assertThat(seeded).hasSize(10);
        assertThat(codec.decode(seeded.get(0)).longRules()).isEqualTo(sma.longRules());
        assertThat(seeded.subList(1, 10))
                .usingElementComparator(GenomeAssertions::bitwise)
                .containsExactlyElementsOf(BreedingStep.seed(9, RUN_SEED, SPACE));
    }

    @Test
    void sameInputsBreedBitIdenticalGenerations() {
        List<Scored> parents = generationZero(50);
        BreedingConfig cfg = BreedingConfig.defaults(50);

        List<double[]> first = BreedingStep.next(parents, 1, RUN_SEED, cfg);
        List<double[]> second = BreedingStep.next(parents, 1, RUN_SEED, cfg);

        assertThat(first).usingElementComparator(GenomeAssertions::bitwise).containsExactlyElementsOf(second);
    }

    @Test
    void concurrentStepsOnFourThreadsBreedTheSameGeneration() throws Exception {
        List<Scored> parents = generationZero(80);
        BreedingConfig cfg = BreedingConfig.defaults(80);
        List<double[]> expected = BreedingStep.next(parents, 3, RUN_SEED, cfg);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<double[]>>> futures = new ArrayList<>();
            for (int task = 0; task < 16; task++) {
                // interleave other generations so the threads really share Jenetics' registry concurrently
                int generation = task % 2 == 0 ? 3 : 4;
                futures.add(pool.submit(() -> BreedingStep.next(parents, generation, RUN_SEED, cfg)));
            }
            for (int task = 0; task < futures.size(); task += 2) {
                assertThat(futures.get(task).get())
                        .usingElementComparator(GenomeAssertions::bitwise)
                        .containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void globalJeneticsRandomDoesNotLeakIntoTheStep() {
        List<Scored> parents = generationZero(30);
        BreedingConfig cfg = BreedingConfig.defaults(30);
        List<double[]> expected = BreedingStep.next(parents, 1, RUN_SEED, cfg);
        RandomRegistry.random(new SplittableRandom(1));
        try {
            assertThat(BreedingStep.next(parents, 1, RUN_SEED, cfg))
                    .usingElementComparator(GenomeAssertions::bitwise)
                    .containsExactlyElementsOf(expected);
        } finally {
            RandomRegistry.reset();
        }
    }

    @Test
    void otherGenerationOrRunSeedBreedsAnotherPopulation() {
        List<Scored> parents = generationZero(50);
        BreedingConfig cfg = BreedingConfig.defaults(50).withEliteCount(0);
        List<double[]> base = BreedingStep.next(parents, 1, RUN_SEED, cfg);

        List<double[]> otherGeneration = BreedingStep.next(parents, 2, RUN_SEED, cfg);
        List<double[]> otherSeed = BreedingStep.next(parents, 1, RUN_SEED + 1, cfg);

        assertThat(sameCount(base, otherGeneration)).isLessThan(25);
        assertThat(sameCount(base, otherSeed)).isLessThan(25);
    }

    @Test
    void elitesAreCopiedUnchangedFittestFirstTiesByIndex() {
        double[][] genes = new double[6][];
        for (int i = 0; i < genes.length; i++) {
            genes[i] = new SplittableRandom(i).doubles(LENGTH).toArray();
        }
        double[] fitness = {0.1, 3.0, -2.0, 5.0, 3.0, 0.2};
        List<Scored> parents = new ArrayList<>();
        for (int i = 0; i < genes.length; i++) {
            parents.add(new Scored(genes[i], fitness[i]));
        }
        BreedingConfig cfg = new BreedingConfig(20, 3, 1.0, 1.0, 0.5, 3);

        List<double[]> next = BreedingStep.next(parents, 1, RUN_SEED, cfg);

        assertThat(next.get(0)).isEqualTo(genes[3]);
        assertThat(next.get(1)).isEqualTo(genes[1]);
        assertThat(next.get(2)).isEqualTo(genes[4]);
        // with crossover and mutation certain, no offspring is an unchanged copy of a parent
        assertThat(next.subList(3, 20))
                .usingElementComparator(GenomeAssertions::bitwise)
                .doesNotContainAnyElementsOf(List.of(genes));
    }

    @Test
    void breedsTheConfiguredSizeInsideTheUnitIntervalEvenUnderWildMutation() {
        List<Scored> parents = generationZero(30);
        BreedingConfig wild = new BreedingConfig(70, 2, 1.0, 1.0, 1.0, 2);

        List<double[]> next = BreedingStep.next(parents, 5, RUN_SEED, wild);

        assertThat(next).hasSize(70).allSatisfy(BreedingStepTest::assertGenome);
        GenomeCodec codec = GenomeCodec.of(SPACE);
        next.forEach(codec::decode);
    }

    @Test
    void selectionRaisesMeanFitnessOverGenerations() {
        int size = 60;
        BreedingConfig cfg = BreedingConfig.defaults(size);
        List<Scored> population = generationZero(size);
        double initialMean = mean(population);
        double initialBest = best(population);

        for (int generation = 1; generation <= 15; generation++) {
            population = scored(BreedingStep.next(population, generation, RUN_SEED, cfg));
        }

        assertThat(mean(population)).isGreaterThan(initialMean + 0.5 * Math.abs(initialMean));
        assertThat(best(population)).isGreaterThan(initialBest);
    }

    @Test
    void breedsFromASingleGenome() {
        double[] only = new SplittableRandom(3).doubles(LENGTH).toArray();
        List<Scored> one = List.of(new Scored(only, 1.0));

        List<double[]> next = BreedingStep.next(one, 1, RUN_SEED, new BreedingConfig(5, 2, 1.0, 0.5, 0.1, 1));

        assertThat(next).hasSize(5).allSatisfy(BreedingStepTest::assertGenome);
        assertThat(next.get(0)).isEqualTo(only);
    }

    @Test
    void rejectsNonFiniteFitness() {
        double[] genes = new double[LENGTH];
        assertThatThrownBy(() -> new Scored(genes, Double.NaN))
                .hasMessageContaining("fitness must be finite")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Scored(genes, Double.NEGATIVE_INFINITY)).hasMessageContaining("-Infinity");
    }

    @Test
    void rejectsGenomesOfMixedLengthOrOutsideTheUnitInterval() {
        BreedingConfig cfg = BreedingConfig.defaults(4);
        List<Scored> mixed = List.of(new Scored(new double[LENGTH], 1), new Scored(new double[LENGTH - 1], 2));
        assertThatThrownBy(() -> BreedingStep.next(mixed, 1, RUN_SEED, cfg))
                .hasMessageContaining("genome 1: genome must have 12 genes, got 11");
        double[] bad = new double[LENGTH];
        bad[2] = 1.5;
        List<Scored> outside = List.of(new Scored(new double[LENGTH], 1), new Scored(bad, 2));
        assertThatThrownBy(() -> BreedingStep.next(outside, 1, RUN_SEED, cfg))
                .hasMessageContaining("genome 1: gene 2 must be in [0, 1): 1.5");
        assertThatThrownBy(() -> BreedingStep.next(generationZero(4), 0, RUN_SEED, cfg))
                .hasMessageContaining("generation must be >= 1");
    }

    @Test
    void scoredGenesCannotBeChangedFromOutside() {
        double[] genes = new double[LENGTH];
        Scored s = new Scored(genes, 1);
        genes[0] = 0.9;
        s.genes()[1] = 0.9;

        assertThat(s.genes()).containsOnly(0.0);
    }

    private static double mean(List<Scored> population) {
        return population.stream().mapToDouble(Scored::fitness).average().orElseThrow();
    }

    private static double best(List<Scored> population) {
        return population.stream().mapToDouble(Scored::fitness).max().orElseThrow();
    }

    private static long sameCount(List<double[]> a, List<double[]> b) {
        return a.stream()
                .filter(x -> b.stream().anyMatch(y -> GenomeAssertions.bitwise(x, y) == 0))
                .count();
    }

    static void assertGenome(double[] genes) {
        GenomeAssertions.assertGenome(genes, LENGTH);
    }
}
