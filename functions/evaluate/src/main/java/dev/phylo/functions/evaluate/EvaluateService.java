package dev.phylo.functions.evaluate;

import dev.phylo.efs.Batch;
import dev.phylo.efs.BatchRef;
import dev.phylo.efs.BatchResult;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.SnapshotCache;
import dev.phylo.efs.StrategyResult;
import dev.phylo.engine.backtest.BatchEvaluator;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.evolution.BatchEvaluation;
import dev.phylo.evolution.SeriesSlices;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.telemetry.Emf;
import dev.phylo.telemetry.Metric;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Evaluates one batch on the run's in-sample range. Snapshots and plans stay cached across warm invocations (a
 * snapshot is keyed by its content hash, a plan never changes once written). A batch whose result file exists is
 * not recomputed: the result is a pure function of plan, batch and snapshot, so the file already is the answer.
 */
@ApplicationScoped
public class EvaluateService {

    private static final Logger LOG = Logger.getLogger(EvaluateService.class);

    private final EfsLayout efs;
    private final RunFiles files;
    private final SnapshotCache snapshots;
    private final BatchEvaluation evaluation;
    private final Map<String, RunPlan> plans = new ConcurrentHashMap<>();

    public EvaluateService(
            @ConfigProperty(name = "phylo.efs.root") Path efsRoot,
            @ConfigProperty(name = "phylo.evaluate.threads") int threads,
            @ConfigProperty(name = "phylo.evaluate.snapshot-cache-bytes") long cacheBytes) {
        this.efs = new EfsLayout(efsRoot);
        this.files = new RunFiles(efs);
        this.snapshots = new SnapshotCache(cacheBytes);
        this.evaluation =
                new BatchEvaluation(threads > 0 ? BatchEvaluator.withThreads(threads) : BatchEvaluator.allCores());
    }

    public EvaluateSummary evaluate(BatchRef ref) {
        long start = System.nanoTime();
        if (files.resultExists(ref)) {
            BatchResult existing = files.readResult(ref);
            return summary(existing, System.nanoTime() - start, true, 0, 0);
        }
        RunPlan plan = plans.computeIfAbsent(
                ref.runId(),
                id -> files.findPlan(id).orElseThrow(() -> new InvalidRequestException(files.missingPlan(id))));
        Batch batch = files.readBatch(ref);
        if (batch.generation() != ref.generation()
                || batch.batch() != ref.batch()
                || !batch.runId().equals(ref.runId())) {
            throw new IllegalStateException("batch file for " + ref + " holds " + batch.runId() + " generation "
                    + batch.generation() + " batch " + batch.batch());
        }
        long missesBefore = snapshots.stats().misses();
        long[] loadNanos = new long[1];
        BatchResult result = evaluation.evaluate(plan, batch, slice -> {
            long t0 = System.nanoTime();
            BarSeries series = inSample(slice);
            loadNanos[0] += System.nanoTime() - t0;
            return series;
        });
        files.writeResult(result);
        EvaluateSummary summary = summary(
                result,
                System.nanoTime() - start,
                false,
                snapshots.stats().misses() - missesBefore,
                loadNanos[0] / 1_000_000);
        Emf.emit(
                List.of(
                        Metric.count("StrategiesEvaluated", summary.count()),
                        Metric.perSecond("StrategyBarsPerSecond", summary.strategyBarsPerSecond()),
                        Metric.millis("SnapshotLoadMs", loadNanos[0] / 1e6)),
                Map.of("runId", ref.runId(), "generation", ref.generation(), "batch", ref.batch()));
        LOG.infof(
                "evaluated %s: %d strategies, %,d strategy-bars in %d ms (%.1f M/s), %d snapshot(s) loaded in "
                        + "%d ms, best %s %.4f",
                ref,
                summary.count(),
                summary.strategyBars(),
                summary.millis(),
                summary.strategyBarsPerSecond() / 1e6,
                summary.snapshotsLoaded(),
                summary.snapshotLoadMillis(),
                summary.bestId(),
                summary.bestFitness());
        return summary;
    }

    private BarSeries inSample(DataSlice slice) {
        return SeriesSlices.inSample(
                snapshots.get(efs, slice.symbol(), BarInterval.parse(slice.interval()), slice.snapshotId()), slice);
    }

    private static EvaluateSummary summary(
            BatchResult result, long nanos, boolean replayed, long loaded, long loadMillis) {
        String bestId = null;
        double best = Double.NEGATIVE_INFINITY;
        for (StrategyResult r : result.results()) {
            if (r.fitness() > best) {
                best = r.fitness();
                bestId = r.id();
            }
        }
        long millis = nanos / 1_000_000;
        double perSecond = nanos == 0 ? 0 : result.strategyBars() / (nanos / 1e9);
        return new EvaluateSummary(
                result.runId(),
                result.generation(),
                result.batch(),
                result.results().size(),
                bestId,
                best,
                result.strategyBars(),
                millis,
                replayed ? 0 : perSecond,
                replayed,
                loaded,
                loadMillis);
    }

    @PreDestroy
    void close() {
        evaluation.close();
    }
}
