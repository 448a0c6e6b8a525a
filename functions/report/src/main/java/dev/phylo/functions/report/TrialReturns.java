package dev.phylo.functions.report;

import dev.phylo.efs.DataSlice;
import dev.phylo.efs.RunPlan;
import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.evolution.validation.BlockSums;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Each trial's in-sample returns over every symbol of the plan, reduced to what clustering and CSCV need, so that
 * thousands of trials fit in memory (docs/architecture.md, "Validation").
 *
 * <ul>
 *   <li><b>Points</b>, for correlation: each symbol's per-bar returns summed over runs of {@code barsPerPoint}
 *       consecutive bars, the symbols one after another. {@code barsPerPoint} is the smallest whole number that keeps
 *       all symbols together within {@link #MAX_POINTS} points; the oldest returns that do not fill a run are left
 *       out.</li>
 *   <li><b>Blocks</b>, for PBO: each symbol's returns cut into {@code blocks} equal blocks ({@link BlockSums}), and
 *       block j of every symbol pooled into one block j: so a CSCV split takes the same part of every symbol's range
 *       (the same stretch of time when the symbols span the same dates).</li>
 * </ul>
 */
final class TrialReturns {

    /** At most this many points per trial: 8 KiB a trial in memory, as floats 2,000 trials hold 16 MB. */
    static final int MAX_POINTS = 2048;

    /** One trial's returns, reduced. {@code blocks} is null when some symbol has too few returns for them. */
    record Reduced(double[] points, BlockSums blocks) {}

    private final RunPlan plan;
    private final RunData data;
    private final ExecutionConfig execution;
    private final int blocks;
    private final int barsPerPoint;

    TrialReturns(RunPlan plan, RunData data, ExecutionConfig execution, int blocks) {
        this.plan = plan;
        this.data = data;
        this.execution = execution;
        this.blocks = blocks;
        long returns = 0;
        for (DataSlice slice : plan.data()) {
            returns += Math.max(0, data.inSample(slice).size() - 1);
        }
        this.barsPerPoint = (int) Math.max(1, (returns + MAX_POINTS - 1) / MAX_POINTS);
    }

    int barsPerPoint() {
        return barsPerPoint;
    }

    /** Whether every symbol has at least two returns in each PBO block. */
    boolean blocksFit() {
        return plan.data().stream().allMatch(s -> data.inSample(s).size() - 1 >= 2 * blocks);
    }

    /** The reduced returns of each trial, in the order given; backtests run in parallel. */
    List<Reduced> of(List<RunHistory.Trial> trials) {
        return IntStream.range(0, trials.size())
                .parallel()
                .mapToObj(i -> reduce(trials.get(i)))
                .toList();
    }

    private Reduced reduce(RunHistory.Trial trial) {
        int pointCount = 0;
        for (DataSlice slice : plan.data()) {
            pointCount += (data.inSample(slice).size() - 1) / barsPerPoint;
        }
        double[] points = new double[pointCount];
        boolean withBlocks = blocksFit();
        double[] sums = withBlocks ? new double[blocks] : null;
        double[] squares = withBlocks ? new double[blocks] : null;
        int perBlock = 0;
        int dropped = 0;
        int p = 0;
        for (DataSlice slice : plan.data()) {
            BarSeries inSample = data.inSample(slice);
            double[] r = Validator.returns(
                    Backtester.run(inSample, trial.spec(), execution, true).equity());
            int n = r.length / barsPerPoint;
            for (int k = 0, t = r.length - n * barsPerPoint; k < n; k++) {
                double s = 0;
                for (int end = t + barsPerPoint; t < end; t++) {
                    s += r[t];
                }
                points[p++] = s;
            }
            if (withBlocks) {
                BlockSums b = BlockSums.of(r, blocks);
                double[] bs = b.sums();
                double[] bq = b.squares();
                for (int j = 0; j < blocks; j++) {
                    sums[j] += bs[j];
                    squares[j] += bq[j];
                }
                perBlock += b.barsPerBlock();
                dropped += b.droppedBars();
            }
        }
        return new Reduced(points, withBlocks ? new BlockSums(perBlock, dropped, sums, squares) : null);
    }
}
