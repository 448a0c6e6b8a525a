package dev.phylo.evolution;

import dev.phylo.efs.Batch;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.Individual;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.StrategyResult;
import dev.phylo.engine.backtest.BatchEvaluator;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.evolve.GenomeCodec;
import dev.phylo.engine.evolve.Objective;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Backtests one batch of a generation on every symbol of the plan. A strategy's fitness is the mean of its
 * per-symbol fitness under the plan's objective, so a strategy must work across the universe, not on one lucky
 * symbol. Deterministic: the same plan, batch and data give the same result file, bit for bit.
 */
public final class BatchEvaluation implements AutoCloseable {

    private final BatchEvaluator engine;

    public BatchEvaluation(BatchEvaluator engine) {
        this.engine = engine;
    }

    /**
     * @param seriesOf the bars to test on for a slice of the plan (in-sample for the GA, out-of-sample to validate)
     */
    public BatchResult evaluate(RunPlan plan, Batch batch, Function<DataSlice, BarSeries> seriesOf) {
        GenomeCodec codec = PlanTerms.codec(plan);
        Objective objective = PlanTerms.objective(plan);
        ExecutionConfig execution = PlanTerms.execution(plan);
        List<Individual> individuals = batch.individuals();
        List<StrategySpec> specs = new ArrayList<>(individuals.size());
        for (Individual individual : individuals) {
            specs.add(codec.decode(individual.genes()));
        }
        List<Map<String, Metrics>> bySymbol = new ArrayList<>(individuals.size());
        double[] fitnessSum = new double[individuals.size()];
        for (int i = 0; i < individuals.size(); i++) {
            bySymbol.add(new LinkedHashMap<>());
        }
        long strategyBars = 0;
        for (DataSlice slice : plan.data()) {
            BarSeries series = seriesOf.apply(slice);
            List<Metrics> metrics = engine.evaluate(series, specs, execution);
            for (int i = 0; i < metrics.size(); i++) {
                bySymbol.get(i).put(slice.symbol(), metrics.get(i));
                fitnessSum[i] += objective.fitness(metrics.get(i));
            }
            strategyBars += (long) series.size() * specs.size();
        }
        List<StrategyResult> results = new ArrayList<>(individuals.size());
        for (int i = 0; i < individuals.size(); i++) {
            results.add(new StrategyResult(
                    individuals.get(i).id(), fitnessSum[i] / plan.data().size(), bySymbol.get(i)));
        }
        return new BatchResult(batch.runId(), batch.generation(), batch.batch(), strategyBars, results);
    }

    @Override
    public void close() {
        engine.close();
    }
}
