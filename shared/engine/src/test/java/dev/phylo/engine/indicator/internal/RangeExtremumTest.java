package dev.phylo.engine.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The segment method gives exactly the naive window extremum, for any period and any split into blocks. */
class RangeExtremumTest {

    @Test
    void matchesNaiveWindowForAnyPeriodAndBlocking() {
        SplittableRandom rnd = new SplittableRandom(17);
        double[] x = new double[2_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextInt(50) / 4.0; // repeated values exercise ties
        }
        for (int n : new int[] {1, 2, 3, 7, 20, 64, 333, 1_999, 2_000}) {
            for (boolean max : new boolean[] {true, false}) {
                RangeExtremum ext = new RangeExtremum(n, max);
                double[] out = new double[x.length];
                int from = 0;
                while (from < x.length) {
                    int to = Math.min(x.length, from + 1 + rnd.nextInt(90));
                    ext.compute(x, from, to, out, from);
                    from = to;
                }
                for (int t = 0; t < x.length; t++) {
                    if (t < n - 1) {
                        assertThat(out[t]).as("n=%d t=%d warm-up", n, t).isNaN();
                    } else {
                        double want = x[t];
                        for (int i = t - n + 1; i <= t; i++) {
                            want = max ? Math.max(want, x[i]) : Math.min(want, x[i]);
                        }
                        assertThat(out[t]).as("n=%d max=%s t=%d", n, max, t).isEqualTo(want);
                    }
                }
            }
        }
    }
}
