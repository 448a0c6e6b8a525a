package dev.phylo.bench;

import dev.phylo.engine.evolve.BreedingStep;
import dev.phylo.engine.evolve.GenomeCodec;
import dev.phylo.engine.evolve.SearchSpace;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.List;

/** The benchmark's batch: 512 random genomes from the default search space, decoded to specs. */
final class RandomBatch {
    static final int SIZE = 512;
    static final long SEED = 42;

    private RandomBatch() {}

    static List<StrategySpec> specs() {
        GenomeCodec codec = GenomeCodec.of(SearchSpace.defaults());
        return BreedingStep.seed(SIZE, SEED, SearchSpace.defaults()).stream()
                .map(codec::decode)
                .toList();
    }
}
