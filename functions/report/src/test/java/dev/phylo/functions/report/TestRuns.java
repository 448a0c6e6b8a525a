package dev.phylo.functions.report;

import dev.phylo.efs.Batch;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.ExecutionPlan;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.engine.backtest.BatchEvaluator;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.evolution.BatchEvaluation;
import dev.phylo.evolution.Generations;
import dev.phylo.evolution.SeriesSlices;
import dev.phylo.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A small finished run on the shared folder, made the way the state machine makes one: a synthetic snapshot
 * (published), a plan with a 70/30 split, generation 0 seeded and evaluated, generation 1 bred and evaluated.
 */
final class TestRuns {

    static final int BARS = 4_000;
    static final int POPULATION = 24;
    static final int BATCH = 8;

    /** The plan, the full series and every generation's population and results. */
    record Run(RunPlan plan, BarSeries series, List<Population> populations, List<List<BatchResult>> results) {
        DataSlice slice() {
            return plan.data().get(0);
        }
    }

    private TestRuns() {}

    static Run finished(EfsLayout efs, String prefix, boolean withRunRow) {
        return finished(efs, prefix, withRunRow, BarInterval.ONE_HOUR, BARS, POPULATION, 2);
    }

    static Run finished(
            EfsLayout efs,
            String prefix,
            boolean withRunRow,
            BarInterval interval,
            int bars,
            int populationSize,
            int generations) {
        BarSeries series = published(efs, interval, bars);
        String runId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return finished(efs, runId, withRunRow, series, 0, bars * 7 / 10, bars, populationSize, generations);
    }

    /** The synthetic series every test run trades (seed 43), written and published as a snapshot. */
    static BarSeries published(EfsLayout efs, BarInterval interval, int bars) {
        BarSeries series = SyntheticMarket.generate(SyntheticConfig.defaults("SYN", interval, bars, 43));
        SnapshotManifest.publish(efs, SnapshotWriter.write(efs, series));
        return series;
    }

    /**
     * A run on a published series, in-sample on bars [from, split) and out-of-sample on [split, to) (bar indexes), as
     * a walk-forward fold is.
     */
    static Run finished(
            EfsLayout efs,
            String runId,
            boolean withRunRow,
            BarSeries series,
            int from,
            int split,
            int to,
            int populationSize,
            int generations) {
        RunFiles files = new RunFiles(efs);
        SnapshotRef snapshot =
                SnapshotManifest.latest(efs, series.symbol(), series.interval()).orElseThrow();
        long[] time = series.time();
        DataSlice slice = new DataSlice(
                series.symbol(),
                series.interval().toString(),
                snapshot.snapshotId(),
                time[from],
                time[split],
                time[split],
                to < series.size() ? time[to] : time[to - 1] + 1);
        RunPlan plan = new RunPlan(
                runId,
                7,
                populationSize,
                generations,
                BATCH,
                0,
                "sharpe",
                3,
                List.of(),
                List.of(),
                new ExecutionPlan("next-open", 1, 1, 10_000),
                List.of(slice));
        files.writePlan(plan);
        BarSeries inSample = SeriesSlices.inSample(series, slice);
        List<Population> populations = new ArrayList<>();
        List<List<BatchResult>> results = new ArrayList<>();
        try (BatchEvaluation evaluation = new BatchEvaluation(BatchEvaluator.withThreads(1))) {
            Population population = Generations.seed(plan);
            for (int g = 0; g < plan.generations(); g++) {
                if (g > 0) {
                    population = Generations.breed(plan, population, results.get(g - 1));
                }
                files.writePopulation(population);
                List<BatchResult> generation = new ArrayList<>();
                for (Batch batch : Generations.batches(plan, population)) {
                    files.writeBatch(batch);
                    BatchResult result = evaluation.evaluate(plan, batch, s -> inSample);
                    files.writeResult(result);
                    generation.add(result);
                }
                populations.add(population);
                results.add(generation);
            }
        }
        if (withRunRow) {
            TestDatabase.execute(
                    "INSERT INTO runs (run_id, config, seed, status, generations_planned) "
                            + "VALUES (?, '{}'::jsonb, ?, 'running', ?)",
                    runId,
                    plan.seed(),
                    plan.generations());
        }
        return new Run(plan, series, populations, results);
    }
}
