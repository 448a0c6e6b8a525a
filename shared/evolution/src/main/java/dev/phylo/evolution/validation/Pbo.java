package dev.phylo.evolution.validation;

import java.util.List;

/**
 * The probability of backtest overfitting, estimated by combinatorially symmetric cross-validation (CSCV; Bailey,
 * Borwein, López de Prado and Zhu, 2015, "The Probability of Backtest Overfitting", Journal of Computational
 * Finance 20(4)).
 *
 * <p>The T × N matrix of per-bar returns (N strategies) is cut into S equal blocks of consecutive bars (see
 * {@link BlockSums} for the trimming). Each of the C(S, S/2) ways to pick S/2 blocks is one split: the picked blocks
 * are the in-sample set J, the others the out-of-sample set J̄. In each split, n* is the strategy with the highest
 * in-sample Sharpe ratio (the first one on ties), ω its relative rank among the N out-of-sample Sharpe ratios,
 * rank / (N + 1) with rank 1 the worst (tied values share their mean rank), and λ = ln(ω / (1 − ω)). PBO is the share
 * of splits with λ ≤ 0: how often the in-sample winner does no better than the median out of sample. A strategy
 * whose returns do not vary over a set of blocks has Sharpe ratio 0 there.
 *
 * <p>Each block's sums and sums of squares are computed once, so one split costs O(N·S); S = 16 gives 12,870 splits.
 *
 * @param probability   PBO, in [0, 1]
 * @param strategies    N
 * @param blocks        S
 * @param bars          returns used: S × bars per block
 * @param droppedBars   oldest returns left out so that the blocks are equal
 * @param splits        C(S, S/2)
 * @param overfitSplits splits with λ ≤ 0
 * @param meanLogit     the mean of λ over all splits (positive when in-sample winners tend to stay above the median)
 */
public record Pbo(
        double probability,
        int strategies,
        int blocks,
        int bars,
        int droppedBars,
        int splits,
        int overfitSplits,
        double meanLogit) {

    /** S, as in the paper's examples. */
    public static final int DEFAULT_BLOCKS = 16;

    public Pbo {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
        if (overfitSplits < 0 || overfitSplits > splits) {
            throw new IllegalArgumentException(
                    "overfitSplits must be in [0, splits]: %d of %d".formatted(overfitSplits, splits));
        }
    }

    /**
     * PBO of the T × N matrix {@code returns[t][n]} with {@code blocks} blocks.
     *
     * @throws IllegalArgumentException for ragged rows, fewer than 2 strategies, an odd block count or too few bars
     */
    public static Pbo of(double[][] returns, int blocks) {
        if (returns.length == 0) {
            throw new IllegalArgumentException("no returns");
        }
        int n = returns[0].length;
        double[][] columns = new double[n][returns.length];
        for (int t = 0; t < returns.length; t++) {
            if (returns[t].length != n) {
                throw new IllegalArgumentException(
                        "row %d has %d strategies, row 0 has %d".formatted(t, returns[t].length, n));
            }
            for (int j = 0; j < n; j++) {
                columns[j][t] = returns[t][j];
            }
        }
        BlockSums[] strategies = new BlockSums[n];
        for (int j = 0; j < n; j++) {
            strategies[j] = BlockSums.of(columns[j], blocks);
        }
        return of(List.of(strategies));
    }

    /**
     * PBO of strategies already reduced to block sums (all with the same blocks).
     *
     * @throws IllegalArgumentException for fewer than 2 strategies, different shapes, an odd block count, or
     *                                  in-sample sets of fewer than 2 bars
     */
    public static Pbo of(List<BlockSums> strategies) {
        int n = strategies.size();
        if (n < 2) {
            throw new IllegalArgumentException("PBO compares strategies: need at least 2, got " + n);
        }
        BlockSums first = strategies.get(0);
        int s = first.blocks();
        int perBlock = first.barsPerBlock();
        for (int j = 1; j < n; j++) {
            BlockSums other = strategies.get(j);
            if (other.blocks() != s || other.barsPerBlock() != perBlock || other.droppedBars() != first.droppedBars()) {
                throw new IllegalArgumentException(
                        "strategy %d is cut as %s, strategy 0 as %s".formatted(j, other, first));
            }
        }
        if (s % 2 != 0 || s > 30) {
            throw new IllegalArgumentException("blocks must be even and at most 30: " + s);
        }
        int half = s / 2;
        int count = half * perBlock;
        if (count < 2) {
            throw new IllegalArgumentException(
                    "a half of %d blocks of %d bars is too short for a Sharpe ratio".formatted(s, perBlock));
        }
        double[][] sum = new double[n][];
        double[][] sq = new double[n][];
        for (int j = 0; j < n; j++) {
            sum[j] = strategies.get(j).sums();
            sq[j] = strategies.get(j).squares();
        }
        double[] inSharpe = new double[n];
        double[] outSharpe = new double[n];
        int splits = 0;
        int overfit = 0;
        double logits = 0;
        for (int mask = 0; mask < 1 << s; mask++) {
            if (Integer.bitCount(mask) != half) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                double inSum = 0;
                double inSq = 0;
                double outSum = 0;
                double outSq = 0;
                double[] sj = sum[j];
                double[] qj = sq[j];
                for (int b = 0; b < s; b++) {
                    if ((mask & (1 << b)) != 0) {
                        inSum += sj[b];
                        inSq += qj[b];
                    } else {
                        outSum += sj[b];
                        outSq += qj[b];
                    }
                }
                inSharpe[j] = sharpe(inSum, inSq, count);
                outSharpe[j] = sharpe(outSum, outSq, count);
            }
            int best = 0;
            for (int j = 1; j < n; j++) {
                if (inSharpe[j] > inSharpe[best]) {
                    best = j;
                }
            }
            int less = 0;
            int equal = 0;
            for (int j = 0; j < n; j++) {
                if (outSharpe[j] < outSharpe[best]) {
                    less++;
                } else if (j != best && outSharpe[j] == outSharpe[best]) {
                    equal++;
                }
            }
            // rank = less + 1 + equal/2; lambda <= 0  <=>  rank/(N+1) <= 1/2  <=>  2·less + equal <= N - 1
            if (2 * less + equal <= n - 1) {
                overfit++;
            }
            double omega = (less + 1 + equal / 2.0) / (n + 1);
            logits += Math.log(omega / (1 - omega));
            splits++;
        }
        return new Pbo(
                (double) overfit / splits, n, s, s * perBlock, first.droppedBars(), splits, overfit, logits / splits);
    }

    /** mean / sample sd of {@code count} returns from their sum and sum of squares; 0 when they do not vary. */
    static double sharpe(double sum, double squares, int count) {
        double mean = sum / count;
        double var = (squares - sum * mean) / (count - 1);
        return var > 0 ? mean / Math.sqrt(var) : 0.0;
    }
}
