package dev.phylo.bench.functions;

import dev.phylo.efs.Batch;
import dev.phylo.efs.BatchRef;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.ExecutionPlan;
import dev.phylo.efs.Individual;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.engine.backtest.BatchEvaluator;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.evolve.GenomeCodec;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.evolution.Generations;
import dev.phylo.evolution.PlanTerms;
import dev.phylo.functions.evaluate.EvaluateService;
import dev.phylo.functions.evaluate.EvaluateSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 3: one warm invocation of the real {@link EvaluateService} (512 strategies x 100,000 bars, files on a local
 * EFS root) against the engine alone on the same specs and bars, alternating run by run.
 */
final class EvaluateBench {

    static final String RUN_ID = "bench-evaluate";
    static final int STRATEGIES = 512;

    record Result(int strategies, int bars, Samples service, Samples engine, String bestId) {

        long strategyBars() {
            return (long) strategies * bars;
        }
    }

    private final Path root;
    private final BarSeries bars;
    private final int warmups;
    private final int measured;

    EvaluateBench(Path root, BarSeries bars, int warmups, int measured) {
        this.root = root;
        this.bars = bars;
        this.warmups = warmups;
        this.measured = measured;
    }

    Result run() throws IOException {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef snapshot = SnapshotWriter.write(layout, bars);
        SnapshotManifest.publish(layout, snapshot);
        long first = bars.time()[0];
        long last = bars.time()[bars.size() - 1];
        // in-sample: every bar; out-of-sample: an empty-of-bars range just after the last bar (never evaluated here)
        DataSlice slice = new DataSlice(
                bars.symbol(), bars.interval().toString(), snapshot.snapshotId(), first, last + 1, last + 1, last + 2);
        RunPlan plan = new RunPlan(
                RUN_ID,
                42,
                STRATEGIES,
                1,
                STRATEGIES,
                0,
                "sharpe",
                0,
                List.of(),
                List.of(),
                new ExecutionPlan("next-open", 1.0, 1.0, 10_000),
                List.of(slice));
        Population population = Generations.seed(plan);
        List<Batch> batches = Generations.batches(plan, population);
        if (batches.size() != 1 || batches.get(0).individuals().size() != STRATEGIES) {
            throw new IllegalStateException("expected one batch of " + STRATEGIES + ": " + batches.size());
        }
        Batch batch = batches.get(0);
        RunFiles files = new RunFiles(layout);
        files.writePlan(plan);
        files.writePopulation(population);
        files.writeBatch(batch);
        BatchRef ref = batch.ref();

        GenomeCodec codec = PlanTerms.codec(plan);
        List<StrategySpec> specs = new ArrayList<>(STRATEGIES);
        for (Individual individual : batch.individuals()) {
            specs.add(codec.decode(individual.genes()));
        }
        ExecutionConfig execution = PlanTerms.execution(plan);

        EvaluateService service = new EvaluateService(root, 0, 1L << 30);
        Samples serviceTimes = new Samples("evaluate service");
        Samples engineTimes = new Samples("engine alone");
        String bestId = null;
        try (BatchEvaluator engine = BatchEvaluator.allCores()) {
            for (int rep = 0; rep < warmups + measured; rep++) {
                Files.deleteIfExists(layout.resultFile(ref)); // else the service replays the stored result
                long start = System.nanoTime();
                EvaluateSummary summary = service.evaluate(ref);
                long s = System.nanoTime() - start;
                if (summary.replayed()
                        || summary.count() != STRATEGIES
                        || summary.strategyBars() != (long) STRATEGIES * bars.size()) {
                    throw new IllegalStateException("unexpected evaluate summary: " + summary);
                }
                bestId = summary.bestId();

                start = System.nanoTime();
                List<Metrics> metrics = engine.evaluate(bars, specs, execution);
                long e = System.nanoTime() - start;
                if (metrics.size() != STRATEGIES) {
                    throw new IllegalStateException("engine returned " + metrics.size() + " metrics");
                }
                String label = rep < warmups ? "warm-up " + (rep + 1) : "run " + (rep - warmups + 1) + "/" + measured;
                FunctionsBench.progress(
                        Format.f("evaluate %s: service %.3f s, engine %.3f s", label, s / 1e9, e / 1e9));
                if (rep >= warmups) {
                    serviceTimes.add(s);
                    engineTimes.add(e);
                }
            }
        }
        return new Result(STRATEGIES, bars.size(), serviceTimes, engineTimes, bestId);
    }
}
