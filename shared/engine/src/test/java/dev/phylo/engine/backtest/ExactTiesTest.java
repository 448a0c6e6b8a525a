package dev.phylo.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.strategy.ExampleStrategies;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Prices on a cent grid make SMA(10) and SMA(30) equal now and then. The SMA must be the correctly rounded window sum
 * over n (what backtrader's {@code math.fsum} gives), not a drifting running sum, or ties turn into spurious
 * crossovers. The expected signals are computed here from exact binary sums in BigDecimal.
 */
class ExactTiesTest {

    @Test
    void smaCrossSignalsFollowCorrectlyRoundedSumsOnCentPrices() {
        int n = 60_000;
        SplittableRandom rnd = new SplittableRandom(3);
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        long cents = 1_000;
        for (int i = 0; i < n; i++) {
            long open = cents;
            cents = Math.max(100, cents + rnd.nextInt(5) - 2); // small integer cent steps: many exact ties
            t[i] = i * 86_400_000L;
            o[i] = open / 100.0;
            c[i] = cents / 100.0;
            h[i] = Math.max(o[i], c[i]) + 0.01;
            l[i] = Math.min(o[i], c[i]) - 0.01;
            v[i] = 1;
        }
        BarSeries s = BarSeries.of("CENTS", BarInterval.ONE_DAY, t, o, h, l, c, v);

        List<String> expected = exactCrossEntries(c);
        List<String> actual =
                Backtester.run(s, ExampleStrategies.get("sma-cross-stop-and-reverse"), ExecutionConfig.DEFAULT)
                        .trades()
                        .stream()
                        .map(x -> x.sideName() + "@" + x.entryBar())
                        .toList();

        assertThat(ties(c)).as("the series should contain exact ties").isGreaterThan(50);
        assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
    }

    /** Entries (filled the bar after the signal) from SMAs built on exactly summed, correctly rounded windows. */
    private static List<String> exactCrossEntries(double[] c) {
        List<String> out = new ArrayList<>();
        int last = 0;
        for (int i = 29; i < c.length - 1; i++) {
            int sign = diff(c, i).signum();
            if (sign > 0 && last < 0) {
                out.add("long@" + (i + 1));
            } else if (sign < 0 && last > 0) {
                out.add("short@" + (i + 1));
            }
            if (sign != 0) {
                last = sign;
            }
        }
        return out;
    }

    private static int ties(double[] c) {
        int ties = 0;
        for (int i = 29; i < c.length; i++) {
            ties += diff(c, i).signum() == 0 ? 1 : 0;
        }
        return ties;
    }

    /** SMA10 - SMA30 where each SMA is round(exact sum of the doubles) / n. */
    private static BigDecimal diff(double[] c, int i) {
        BigDecimal s10 = BigDecimal.ZERO;
        BigDecimal s30 = BigDecimal.ZERO;
        for (int k = i - 29; k <= i; k++) {
            BigDecimal x = new BigDecimal(c[k]); // the exact binary value
            s30 = s30.add(x);
            if (k > i - 10) {
                s10 = s10.add(x);
            }
        }
        double d = s10.doubleValue() / 10 - s30.doubleValue() / 30;
        return BigDecimal.valueOf(Math.signum(d));
    }
}
