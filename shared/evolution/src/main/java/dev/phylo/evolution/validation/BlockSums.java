package dev.phylo.evolution.validation;

import java.util.Arrays;

/**
 * One strategy's per-bar returns reduced to what combinatorially symmetric cross-validation needs: the sum and the
 * sum of squares of each of {@code blocks} equal, consecutive blocks of bars. T returns make blocks of
 * ⌊T / blocks⌋ bars; the {@code T mod blocks} oldest returns are dropped, so the last block ends at the last bar.
 *
 * @param barsPerBlock at least 1
 * @param droppedBars  the oldest returns left out so that the blocks are equal
 * @param sums         the sum of each block's returns, oldest block first (copied in and out)
 * @param squares      the sum of each block's squared returns (copied in and out)
 */
public record BlockSums(int barsPerBlock, int droppedBars, double[] sums, double[] squares) {

    public BlockSums {
        if (barsPerBlock < 1) {
            throw new IllegalArgumentException("barsPerBlock must be >= 1: " + barsPerBlock);
        }
        if (droppedBars < 0) {
            throw new IllegalArgumentException("droppedBars must be >= 0: " + droppedBars);
        }
        if (sums.length != squares.length || sums.length < 2) {
            throw new IllegalArgumentException("need the same number (>= 2) of block sums and squares: %d, %d"
                    .formatted(sums.length, squares.length));
        }
        sums = sums.clone();
        squares = squares.clone();
    }

    /**
     * Cuts {@code returns} into {@code blocks} equal blocks.
     *
     * @throws IllegalArgumentException when there are fewer returns than blocks, or a return is not finite
     */
    public static BlockSums of(double[] returns, int blocks) {
        if (blocks < 2) {
            throw new IllegalArgumentException("blocks must be >= 2: " + blocks);
        }
        int perBlock = returns.length / blocks;
        if (perBlock < 1) {
            throw new IllegalArgumentException("%d returns cannot fill %d blocks".formatted(returns.length, blocks));
        }
        int dropped = returns.length - perBlock * blocks;
        double[] sums = new double[blocks];
        double[] squares = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double s = 0;
            double q = 0;
            for (int t = dropped + b * perBlock, end = t + perBlock; t < end; t++) {
                double r = returns[t];
                if (!Double.isFinite(r)) {
                    throw new IllegalArgumentException(
                            "return %d of %d is not finite: %s".formatted(t, returns.length, r));
                }
                s += r;
                q += r * r;
            }
            sums[b] = s;
            squares[b] = q;
        }
        return new BlockSums(perBlock, dropped, sums, squares);
    }

    public int blocks() {
        return sums.length;
    }

    @Override
    public double[] sums() {
        return sums.clone();
    }

    @Override
    public double[] squares() {
        return squares.clone();
    }

    double sum(int block) {
        return sums[block];
    }

    double square(int block) {
        return squares[block];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockSums other
                && barsPerBlock == other.barsPerBlock
                && droppedBars == other.droppedBars
                && Arrays.equals(sums, other.sums)
                && Arrays.equals(squares, other.squares);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * barsPerBlock + droppedBars) + 31 * Arrays.hashCode(sums) + Arrays.hashCode(squares);
    }

    @Override
    public String toString() {
        return "BlockSums[blocks=%d, barsPerBlock=%d, droppedBars=%d]"
                .formatted(sums.length, barsPerBlock, droppedBars);
    }
}
