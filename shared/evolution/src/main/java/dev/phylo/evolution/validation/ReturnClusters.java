package dev.phylo.evolution.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Strategies grouped by the correlation of their returns, to count how many independent trials a search made.
 *
 * <p>Leader clustering (Hartigan, "Clustering Algorithms", 1975, ch. 3), in rank order: the first series is the leader
 * of the first cluster; each next series joins the leader it is most correlated with (Pearson; the earlier leader on
 * ties) when that correlation is at least the threshold, and otherwise leads a cluster of its own. So every member
 * correlates with its leader at the threshold or more, and any two leaders correlate below it. Given best-first, each
 * leader is its cluster's best strategy. Series that never vary (a strategy that never trades) have no correlation
 * with anything; they form one cluster of their own.
 *
 * <p>The number of clusters is the deflated Sharpe ratio's N, the number of independent trials (Bailey and López de
 * Prado, "The Deflated Sharpe Ratio", Journal of Portfolio Management 40(5), 2014; López de Prado and Lewis,
 * "Detection of False Investment Strategies Using Unsupervised Learning Methods", Quantitative Finance 19(9), 2019,
 * which clusters with ONC instead). Cost: one dot product per series and leader.
 *
 * @param threshold the correlation at or above which a series joins a leader
 * @param clusterOf for each series, the index of its cluster (clusters are numbered in the order their leaders come)
 * @param leaders   for each cluster, the index of its leader among the series
 */
public record ReturnClusters(double threshold, int[] clusterOf, int[] leaders) {

    /**
     * Two strategies whose returns correlate at 0.5 or more share at least a quarter of their variance; they are not
     * independent trials. Chosen before any run was looked at, and never tuned to a result (docs/architecture.md,
     * "Validation").
     */
    public static final double DEFAULT_THRESHOLD = 0.5;

    public ReturnClusters {
        clusterOf = clusterOf.clone();
        leaders = leaders.clone();
    }

    /**
     * Clusters {@code series}, best-ranked first, all of the same length.
     *
     * @throws IllegalArgumentException for series of different lengths, a value that is not finite, or a threshold
     *                                  outside (−1, 1]
     */
    public static ReturnClusters of(List<double[]> series, double threshold) {
        if (!(threshold > -1 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (-1, 1]: " + threshold);
        }
        int n = series.size();
        float[][] unit = new float[n][];
        for (int i = 0; i < n; i++) {
            unit[i] = unit(series.get(i), i, n == 0 ? 0 : series.get(0).length);
        }
        int[] clusterOf = new int[n];
        List<Integer> leaders = new ArrayList<>();
        int flatCluster = -1;
        for (int i = 0; i < n; i++) {
            if (unit[i] == null) {
                if (flatCluster < 0) {
                    flatCluster = leaders.size();
                    leaders.add(i);
                }
                clusterOf[i] = flatCluster;
                continue;
            }
            int best = nearest(unit, unit[i], leaders, threshold);
            if (best < 0) {
                clusterOf[i] = leaders.size();
                leaders.add(i);
            } else {
                clusterOf[i] = best;
            }
        }
        return new ReturnClusters(
                threshold,
                clusterOf,
                leaders.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Pearson's correlation of two series of the same length; NaN when either never varies. */
    public static double correlation(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("series of %d and %d values".formatted(a.length, b.length));
        }
        float[] x = unit(a, 0, a.length);
        float[] y = unit(b, 1, a.length);
        return x == null || y == null ? Double.NaN : dot(x, y);
    }

    /** The number of clusters: N, independent trials. */
    public int count() {
        return leaders.length;
    }

    @Override
    public int[] clusterOf() {
        return clusterOf.clone();
    }

    @Override
    public int[] leaders() {
        return leaders.clone();
    }

    /** How many series each cluster holds. */
    public int[] sizes() {
        int[] sizes = new int[leaders.length];
        for (int c : clusterOf) {
            sizes[c]++;
        }
        return sizes;
    }

    /** The cluster (index into {@link #leaders}) whose leader {@code series} correlates with most, or −1 if none. */
    private static int nearest(float[][] unit, float[] x, List<Integer> leaders, double threshold) {
        int k = leaders.size();
        double[] corr = new double[k];
        IntStream range = IntStream.range(0, k);
        (k > 64 ? range.parallel() : range).forEach(c -> {
            float[] leader = unit[leaders.get(c)];
            corr[c] = leader == null ? Double.NaN : dot(leader, x);
        });
        int best = -1;
        for (int c = 0; c < k; c++) {
            if (corr[c] >= threshold && (best < 0 || corr[c] > corr[best])) {
                best = c;
            }
        }
        return best;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            s += a[t] * b[t];
        }
        return s;
    }

    /** The series centred and scaled to unit length, so that a dot product is the correlation; null when flat. */
    private static float[] unit(double[] x, int index, int length) {
        if (x.length != length) {
            throw new IllegalArgumentException(
                    "series %d has %d values, series 0 has %d".formatted(index, x.length, length));
        }
        double mean = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isFinite(x[t])) {
                throw new IllegalArgumentException("value %d of series %d is not finite: %s".formatted(t, index, x[t]));
            }
            mean += x[t];
        }
        mean /= Math.max(1, x.length);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        if (!(ss > 0)) {
            return null;
        }
        double scale = 1 / Math.sqrt(ss);
        float[] u = new float[x.length];
        for (int t = 0; t < x.length; t++) {
            u[t] = (float) ((x[t] - mean) * scale);
        }
        return u;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReturnClusters other
                && threshold == other.threshold
                && Arrays.equals(clusterOf, other.clusterOf)
                && Arrays.equals(leaders, other.leaders);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(threshold) + Arrays.hashCode(clusterOf)) + Arrays.hashCode(leaders);
    }

    @Override
    public String toString() {
        return "ReturnClusters[threshold=%s, series=%d, clusters=%d]".formatted(threshold, clusterOf.length, count());
    }
}
