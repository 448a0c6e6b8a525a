package dev.phylo.evolution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReturnClustersTest {

    @Test
    void correlatedSeriesShareALeaderAndIndependentOnesLeadTheirOwn() {
        SplittableRandom random = new SplittableRandom(1);
        double[] a = gaussian(random, 2000);
        double[] b = gaussian(random, 2000);
        double[] c = gaussian(random, 2000);
        List<double[]> series = new ArrayList<>();
        series.add(a); // 0: leads cluster 0
        series.add(mix(a, gaussian(random, 2000), 0.1)); // 1: a plus a little noise (correlation ~0.995)
        series.add(b); // 2: independent of a (|correlation| ~ 1/sqrt(2000)): leads cluster 1
        series.add(negate(a)); // 3: a short where a is long: correlation -1, not a copy
        series.add(mix(b, gaussian(random, 2000), 0.2)); // 4: joins b
        series.add(c); // 5: leads cluster 3

        ReturnClusters clusters = ReturnClusters.of(series, ReturnClusters.DEFAULT_THRESHOLD);

        assertThat(clusters.clusterOf()).containsExactly(0, 0, 1, 2, 1, 3);
        assertThat(clusters.leaders()).containsExactly(0, 2, 3, 5);
        assertThat(clusters.count()).isEqualTo(4);
        assertThat(clusters.sizes()).containsExactly(2, 2, 1, 1);
    }

    @Test
    void theThresholdIsInclusiveAtAHandComputedCorrelation() {
        // x = 1,2,3,4 and y = 1,3,2,4: deviations ±1.5, ±0.5; covariance sum 4, each sum of squares 5: r = 0.8
        List<double[]> series = List.of(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});

        assertThat(ReturnClusters.of(series, 0.79).count()).isEqualTo(1);
        assertThat(ReturnClusters.of(series, 0.81).count()).isEqualTo(2);
    }

    @Test
    void aSeriesJoinsTheLeaderItCorrelatesWithMost() {
        SplittableRandom random = new SplittableRandom(2);
        double[] a = gaussian(random, 4000);
        double[] b = gaussian(random, 4000);
        // 0.6a + 0.8b: correlation ~0.6 with a, ~0.8 with b; both above 0.5
        double[] both = new double[4000];
        for (int t = 0; t < both.length; t++) {
            both[t] = 0.6 * a[t] + 0.8 * b[t];
        }

        ReturnClusters clusters = ReturnClusters.of(List.of(a, b, both), 0.5);

        assertThat(clusters.clusterOf()).containsExactly(0, 1, 1);
    }

    @Test
    void seriesThatNeverVaryFormOneClusterOfTheirOwn() {
        double[] flat = new double[100];
        double[] zero = new double[100];
        double[] moving = gaussian(new SplittableRandom(3), 100);

        ReturnClusters clusters = ReturnClusters.of(List.of(moving, flat, zero), 0.5);

        assertThat(clusters.clusterOf()).containsExactly(0, 1, 1);
        assertThat(clusters.leaders()).containsExactly(0, 1);
    }

    @Test
    void badInputIsRefusedNamingTheSeries() {
        assertThatThrownBy(() -> ReturnClusters.of(List.of(new double[3], new double[4]), 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("series 1 has 4 values, series 0 has 3");
        assertThatThrownBy(() -> ReturnClusters.of(List.of(new double[] {1, Double.NaN}), 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value 1 of series 0 is not finite");
        assertThatThrownBy(() -> ReturnClusters.of(List.of(), 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
        assertThat(ReturnClusters.of(List.of(), 0.5).count()).isZero();
    }

    private static double[] gaussian(SplittableRandom random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller
            x[i] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }
        return x;
    }

    private static double[] mix(double[] base, double[] noise, double weight) {
        double[] x = new double[base.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = base[i] + weight * noise[i];
        }
        return x;
    }

    private static double[] negate(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = -x[i];
        }
        return y;
    }
}
