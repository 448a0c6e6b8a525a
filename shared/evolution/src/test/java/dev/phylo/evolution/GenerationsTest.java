package dev.phylo.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.efs.BatchResult;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.ExecutionPlan;
import dev.phylo.efs.Individual;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.StrategyResult;
import dev.phylo.engine.backtest.BatchEvaluator;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationsTest {

    private static final BarSeries SERIES =
            SyntheticMarket.generate(SyntheticConfig.defaults("SYN", BarInterval.ONE_HOUR, 3_000, 5));

    private static RunPlan plan(int population, int batchSize, int generations, int stall) {
        DataSlice slice = new DataSlice(
                "SYN",
                "1h",
                "0123456789abcdef0123456789abcdef",
                SERIES.time()[0],
                SERIES.time()[2_000],
                SERIES.time()[2_000],
                SERIES.time()[2_999] + 1);
        return new RunPlan(
                "gen-test",
                42,
                population,
                generations,
                batchSize,
                stall,
                "sharpe",
                3,
                List.of(),
                List.of(),
                new ExecutionPlan("next-open", 1, 1, 10_000),
                List.of(slice));
    }

    @Test
    void seedAndBreedAreFunctionsOfTheirInputs() {
        RunPlan plan = plan(30, 8, 5, 0);
        Population g0 = Generations.seed(plan);
        assertThat(Generations.seed(plan)).isEqualTo(g0);
        List<BatchResult> results = evaluate(plan, g0);

        Population g1 = Generations.breed(plan, g0, results);

        assertThat(g1.generation()).isEqualTo(1);
        assertThat(g1.individuals()).hasSize(30);
        assertThat(Generations.breed(plan, g0, results)).isEqualTo(g1);
        // a different run seed breeds a different generation from the same parents
        RunPlan otherSeed = new RunPlan(
                plan.runId(), 43, 30, 5, 8, 0, "sharpe", 3, List.of(), List.of(), plan.execution(), plan.data());
        assertThat(Generations.breed(otherSeed, g0, results)).isNotEqualTo(g1);
    }

    @Test
    void batchesCoverThePopulationInOrder() {
        RunPlan plan = plan(30, 8, 5, 0);
        Population g0 = Generations.seed(plan);

        var batches = Generations.batches(plan, g0);

        assertThat(batches).hasSize(Generations.batchCount(plan)).hasSize(4);
        assertThat(batches.get(3).individuals()).hasSize(6);
        List<Individual> joined = new ArrayList<>();
        batches.forEach(b -> joined.addAll(b.individuals()));
        assertThat(joined).isEqualTo(g0.individuals());
    }

    @Test
    void summaryTakesTheBestAndTheMedian() {
        RunPlan plan = plan(4, 4, 5, 0);
        Population g0 = Generations.seed(plan);
        List<Individual> ind = g0.individuals();
        double[] fitness = {0.5, 2.0, -1.0, 1.0};
        List<StrategyResult> rs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rs.add(new StrategyResult(ind.get(i).id(), fitness[i], Map.of()));
        }
        GenerationSummary s = Generations.summarize(g0, List.of(new BatchResult("gen-test", 0, 0, 0, rs)));

        assertThat(s.bestFitness()).isEqualTo(2.0);
        assertThat(s.bestId()).isEqualTo(ind.get(1).id());
        assertThat(s.medianFitness()).isEqualTo(0.75); // (0.5 + 1.0) / 2
    }

    @Test
    void aMissingResultIsAnError() {
        RunPlan plan = plan(10, 5, 5, 0);
        Population g0 = Generations.seed(plan);
        List<BatchResult> oneOfTwo = evaluate(plan, g0).subList(0, 1);

        assertThatThrownBy(() -> Generations.breed(plan, g0, oneOfTwo)).hasMessageContaining("has no result");
    }

    @Test
    void finishesAtTheLastGenerationOrAfterAStall() {
        assertThat(Generations.finished(plan(4, 4, 3, 0), history(1.0, 2.0))).isFalse();
        assertThat(Generations.finished(plan(4, 4, 3, 0), history(1.0, 2.0, 3.0)))
                .isTrue();
        // stall 2: no improvement over 2.0 in the last two generations
        assertThat(Generations.finished(plan(4, 4, 10, 2), history(1.0, 2.0, 2.0, 1.5)))
                .isTrue();
        assertThat(Generations.finished(plan(4, 4, 10, 2), history(1.0, 2.0, 2.0, 2.5)))
                .isFalse();
        assertThat(Generations.finished(plan(4, 4, 10, 0), history(3.0, 1.0, 1.0, 1.0, 1.0)))
                .isFalse();
    }

    private static List<GenerationSummary> history(double... best) {
        List<GenerationSummary> out = new ArrayList<>();
        for (int g = 0; g < best.length; g++) {
            out.add(new GenerationSummary("gen-test", g, 4, "0123456789abcdef0123456789abcdef", best[g], 0));
        }
        return out;
    }

    private static List<BatchResult> evaluate(RunPlan plan, Population population) {
        try (BatchEvaluation evaluation = new BatchEvaluation(BatchEvaluator.withThreads(1))) {
            List<BatchResult> out = new ArrayList<>();
            Generations.batches(plan, population)
                    .forEach(b -> out.add(evaluation.evaluate(plan, b, slice -> SeriesSlices.inSample(SERIES, slice))));
            return out;
        }
    }
}
