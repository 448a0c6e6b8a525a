package dev.phylo.engine.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.backtest.BatchEvaluator;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seed, decode, backtest, score and breed, as the run's state machine chains them: a generation at a time. */
class EvolutionLoopTest {
    private static final long RUN_SEED = 7L;
    private static final int POPULATION = 64;
    private static final SearchSpace SPACE = SearchSpace.defaults();
    private static final BarSeries SERIES = randomWalk(2024, 1_500);

    /** Daily bars of a geometric random walk with a small drift, from a seeded generator. */
    static BarSeries randomWalk(long seed, int bars) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] time = new long[bars];
        double[] open = new double[bars];
        double[] high = new double[bars];
        double[] low = new double[bars];
        double[] close = new double[bars];
        double[] volume = new double[bars];
        double price = 100;
        for (int i = 0; i < bars; i++) {
            time[i] = 1_577_836_800_000L + i * 86_400_000L; // from 2020-01-01
            open[i] = price;
            close[i] = price * Math.exp(0.0003 + 0.015 * random.nextGaussian());
            high[i] = Math.max(open[i], close[i]) * (1 + 0.005 * Math.abs(random.nextGaussian()));
            low[i] = Math.min(open[i], close[i]) * (1 - 0.005 * Math.abs(random.nextGaussian()));
            volume[i] = 1_000 + random.nextInt(1_000);
            price = close[i];
        }
        return BarSeries.of("WALK", BarInterval.ONE_DAY, time, open, high, low, close, volume);
    }

    /** Generations 0..last, each a list of genomes; every generation decoded and backtested on two threads. */
    static List<List<double[]>> evolve(int last) {
        GenomeCodec codec = GenomeCodec.of(SPACE);
        BreedingConfig cfg = BreedingConfig.defaults(POPULATION);
        List<List<double[]>> generations = new ArrayList<>();
        generations.add(BreedingStep.seed(POPULATION, RUN_SEED, SPACE));
        try (BatchEvaluator evaluator = BatchEvaluator.withThreads(2)) {
            for (int g = 1; g <= last; g++) {
                generations.add(BreedingStep.next(score(generations.get(g - 1), codec, evaluator), g, RUN_SEED, cfg));
            }
        }
        return generations;
    }

    static List<Scored> score(List<double[]> genomes, GenomeCodec codec, BatchEvaluator evaluator) {
        List<StrategySpec> specs = genomes.stream().map(codec::decode).toList();
        List<Metrics> metrics = evaluator.evaluate(SERIES, specs, ExecutionConfig.DEFAULT);
        List<Scored> out = new ArrayList<>();
        for (int i = 0; i < genomes.size(); i++) {
            out.add(new Scored(genomes.get(i), Objective.DEFAULT.fitness(metrics.get(i))));
        }
        return out;
    }

    @Test
    void seededPopulationBacktestsBreedsAndDecodesReproducibly() {
        List<List<double[]>> first = evolve(3);
        List<List<double[]>> replay = evolve(3);

        GenomeCodec codec = GenomeCodec.of(SPACE);
        for (int g = 0; g < first.size(); g++) {
            assertThat(first.get(g))
                    .as("generation %d", g)
                    .hasSize(POPULATION)
                    .usingElementComparator(GenomeAssertions::bitwise)
                    .containsExactlyElementsOf(replay.get(g));
            first.get(g).forEach(codec::decode);
        }
    }

    @Test
    void seededStrategiesTradeAndTheFittestSurvivesIntoTheNextGeneration() {
        GenomeCodec codec = GenomeCodec.of(SPACE);
        List<double[]> seed = BreedingStep.seed(POPULATION, RUN_SEED, SPACE);
        List<Scored> scored;
        try (BatchEvaluator evaluator = BatchEvaluator.withThreads(2)) {
            scored = score(seed, codec, evaluator);
        }
        long qualifying =
                scored.stream().filter(s -> s.fitness() > -Objective.CAP).count();
        Scored best = scored.stream()
                .max((a, b) -> Double.compare(a.fitness(), b.fitness()))
                .orElseThrow();

        List<double[]> next = BreedingStep.next(scored, 1, RUN_SEED, BreedingConfig.defaults(POPULATION));

        assertThat(qualifying).as("strategies with a defined Sharpe ratio").isGreaterThan(POPULATION / 2);
        assertThat(best.fitness()).as("some strategy trades at least 10 times").isGreaterThan(-1);
        assertThat(next.get(0)).isEqualTo(best.genes());
    }
}
