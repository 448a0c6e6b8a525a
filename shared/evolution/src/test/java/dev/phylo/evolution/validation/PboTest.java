package dev.phylo.evolution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PboTest {

    private static final int S = Pbo.DEFAULT_BLOCKS;

    /**
     * Pure noise: N exchangeable strategies with continuous returns. In every split the in-sample winner is chosen
     * from data independent of the out-of-sample set, so its out-of-sample rank is uniform on 1..N, and λ ≤ 0 exactly
     * when rank ≤ (N+1)/2: E[PBO] = ⌊(N+1)/2⌋ / N, which is 1/2 for even N and 2/3 for N = 3. One matrix's PBO is
     * noisy (its 12,870 splits share the same data), but the PBOs of M independent matrices are independent values in
     * [0, 1], so by Hoeffding's inequality P(|mean − E| ≥ t) ≤ 2·exp(−2·M·t²): with M = 500 and t = 0.1 a correct
     * implementation fails this test with probability below 1e-4 (and never, for the fixed seed below).
     */
    @Test
    void pureNoiseIsOverfitHalfTheTime() {
        assertThat(meanPboOfNoise(4, 500, 1)).isCloseTo(0.5, within(0.1));
    }

    @Test
    void pureNoiseWithAnOddCountFollowsTheRelativeRank() {
        // N = 3: the winner's out-of-sample rank 2 gives ω = 2/4 and λ = 0, which counts as overfit: E[PBO] = 2/3
        assertThat(meanPboOfNoise(3, 500, 2)).isCloseTo(2.0 / 3, within(0.1));
    }

    @Test
    void aRealEdgeInEveryBlockIsNotOverfit() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 10;
        double[][] m = new double[1_600][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = 0.01 * gaussian(random);
            }
            row[7] += 0.004; // a per-bar Sharpe ratio of 0.4: about 11 standard errors over 800 in-sample bars
        }

        Pbo pbo = Pbo.of(m, S);

        assertThat(pbo.probability()).isLessThan(0.01);
        assertThat(pbo.meanLogit()).isGreaterThan(1.5); // ln(10/1) = 2.30 when the winner always ranks first of 10
        assertThat(pbo.splits()).isEqualTo(12_870);
    }

    /**
     * Pairs (X, −X) where X's block sums are 2^0, 2^1, …, 2^14 and −(2^15 − 1) (times 1e-4): they add up to 0, and no
     * 8 of them do, so for every split X's in-sample and out-of-sample means have opposite, non-zero signs. The
     * in-sample winner is thus positive in sample, negative out of sample, and every pair has one negative member
     * out of sample: the winner ranks in the bottom half in all 12,870 splits.
     */
    @Test
    void theInSampleWinnerLosingOutOfSampleEverywhereIsCertainOverfitting() {
        int perBlock = 4;
        double[][] pairs = {blockSeries(perBlock, false, 0.002), blockSeries(perBlock, true, 0.003)};
        double[][] m = new double[S * perBlock][4];
        for (int t = 0; t < m.length; t++) {
            m[t][0] = pairs[0][t];
            m[t][1] = -pairs[0][t];
            m[t][2] = pairs[1][t];
            m[t][3] = -pairs[1][t];
        }

        Pbo pbo = Pbo.of(m, S);

        assertThat(pbo.probability()).isEqualTo(1.0);
        assertThat(pbo.overfitSplits()).isEqualTo(12_870);
        assertThat(pbo.meanLogit()).isNegative();
    }

    @Test
    void sameReturnsGiveTheSameResultAndAreNotModified() {
        double[][] m = noise(new SplittableRandom(9), 500, 6);
        double[][] copy = new double[m.length][];
        for (int t = 0; t < m.length; t++) {
            copy[t] = m[t].clone();
        }

        Pbo first = Pbo.of(m, S);
        Pbo second = Pbo.of(m, S);

        assertThat(second).isEqualTo(first);
        assertThat(m).isDeepEqualTo(copy);
        // 500 returns in 16 blocks: 31 bars each, the 4 oldest dropped
        assertThat(first.bars()).isEqualTo(496);
        assertThat(first.droppedBars()).isEqualTo(4);
        assertThat(first.strategies()).isEqualTo(6);
    }

    @Test
    void agreesWithANaiveSplitBySplitComputation() {
        double[][] m = noise(new SplittableRandom(13), 16 * 6 + 5, 5);

        Pbo fast = Pbo.of(m, S);

        int overfit = 0;
        double logits = 0;
        int splits = 0;
        for (int mask = 0; mask < 1 << S; mask++) {
            if (Integer.bitCount(mask) != S / 2) {
                continue;
            }
            double[] in = new double[5];
            double[] out = new double[5];
            for (int j = 0; j < 5; j++) {
                List<Double> a = new ArrayList<>();
                List<Double> b = new ArrayList<>();
                for (int t = 5; t < m.length; t++) {
                    ((mask >> ((t - 5) / 6) & 1) == 1 ? a : b).add(m[t][j]);
                }
                in[j] = naiveSharpe(a);
                out[j] = naiveSharpe(b);
            }
            int best = 0;
            for (int j = 1; j < 5; j++) {
                best = in[j] > in[best] ? j : best;
            }
            int rank = 1;
            for (int j = 0; j < 5; j++) {
                rank += out[j] < out[best] ? 1 : 0;
            }
            double omega = rank / 6.0;
            double lambda = Math.log(omega / (1 - omega));
            overfit += lambda <= 0 ? 1 : 0;
            logits += lambda;
            splits++;
        }
        assertThat(fast.splits()).isEqualTo(splits);
        assertThat(fast.overfitSplits()).isEqualTo(overfit);
        assertThat(fast.meanLogit()).isCloseTo(logits / splits, within(1e-12));
    }

    @Test
    void rejectsWhatCannotBeCrossValidated() {
        assertThatThrownBy(() -> Pbo.of(new double[40][1], S)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Pbo.of(new double[10][3], S)).hasMessageContaining("cannot fill 16 blocks");
        assertThatThrownBy(() -> Pbo.of(new double[45][3], 15)).hasMessageContaining("even");
        assertThatThrownBy(() -> Pbo.of(new double[][] {{1, 2}, {3}}, 2)).hasMessageContaining("row 1 has 1");
    }

    private static double meanPboOfNoise(int n, int matrices, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sum = 0;
        for (int i = 0; i < matrices; i++) {
            sum += Pbo.of(noise(random, S * 16, n), S).probability();
        }
        return sum / matrices;
    }

    private static double[][] noise(SplittableRandom random, int bars, int n) {
        double[][] m = new double[bars][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = 0.01 * gaussian(random);
            }
        }
        return m;
    }

    /** Block k sums to 2^k·1e-4 (k < 15) or −(2^15 − 1)·1e-4, spread over its bars with a ±wiggle that adds to 0. */
    private static double[] blockSeries(int perBlock, boolean reversed, double wiggle) {
        double[] r = new double[S * perBlock];
        for (int b = 0; b < S; b++) {
            int k = reversed ? S - 1 - b : b;
            double blockSum = (k < S - 1 ? Math.pow(2, k) : -(Math.pow(2, S - 1) - 1)) * 1e-4;
            for (int i = 0; i < perBlock; i++) {
                r[b * perBlock + i] = blockSum / perBlock + (i % 2 == 0 ? wiggle : -wiggle);
            }
        }
        return r;
    }

    private static double naiveSharpe(List<Double> r) {
        double mean = r.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = r.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return mean / Math.sqrt(ss / (r.size() - 1));
    }

    private static double gaussian(SplittableRandom random) {
        return Normals.quantile(random.nextDouble(1e-12, 1 - 1e-12));
    }
}
