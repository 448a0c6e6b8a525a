package dev.phylo.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.TestSeries;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.strategy.ExampleStrategies;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Changing every bar after t changes no decision made up to t: the same trades are opened and closed through t,
 * the order signalled at t's close has the same side, and equity up to t is identical to the last bit.
 */
class NoLookAheadTest {

    static Stream<String> examples() {
        return ExampleStrategies.names().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void decisionsUpToTIgnoreEveryLaterBar(String example) {
        StrategySpec spec = ExampleStrategies.get(example);
        BarSeries base = TestSeries.randomWalk(3_000, 7);
        for (Fill fill : Fill.values()) {
            ExecutionConfig exec = new ExecutionConfig(fill, 5, 5, 10_000);
            BacktestResult original = Backtester.run(base, spec, exec);
            assertThat(original.trades())
                    .as("%s should trade on this walk", example)
                    .isNotEmpty();
            for (int t : new int[] {250, 1_000, 1_777, 2_500}) {
                BarSeries changed = scrambleAfter(base, t, t * 31L);
                BacktestResult other = Backtester.run(changed, spec, exec);
                assertSameUpTo(original, other, t, fill, example);
            }
        }
    }

    private static void assertSameUpTo(BacktestResult a, BacktestResult b, int t, Fill fill, String example) {
        for (int i = 0; i <= t; i++) {
            assertThat(b.equity()[i])
                    .as("%s %s equity at bar %d (changed after %d)", example, fill, i, t)
                    .isEqualTo(a.equity()[i]);
        }
        List<Trade> closedA = a.trades().stream()
                .filter(x -> x.exitBar() <= t && x.exitReason() != ExitReason.END_OF_DATA)
                .toList();
        List<Trade> closedB = b.trades().stream()
                .filter(x -> x.exitBar() <= t && x.exitReason() != ExitReason.END_OF_DATA)
                .toList();
        assertThat(closedB)
                .as("%s %s trades closed by bar %d", example, fill, t)
                .isEqualTo(closedA);
        // a decision taken at t's close fills at t+1's open (next-open mode): same side and bar, whatever the price
        int lastDecisionFill = fill == Fill.NEXT_OPEN ? t + 1 : t;
        List<String> openedA = a.trades().stream()
                .filter(x -> x.entryBar() <= lastDecisionFill)
                .map(x -> x.side() + "@" + x.entryBar())
                .toList();
        List<String> openedB = b.trades().stream()
                .filter(x -> x.entryBar() <= lastDecisionFill)
                .map(x -> x.side() + "@" + x.entryBar())
                .toList();
        assertThat(openedB)
                .as("%s %s entries decided by bar %d", example, fill, t)
                .isEqualTo(openedA);
    }

    /** The same bars through t; after t, a different random path (continuous at t's close). */
    static BarSeries scrambleAfter(BarSeries s, int t, long seed) {
        int n = s.size();
        double[] o = s.open().clone();
        double[] h = s.high().clone();
        double[] l = s.low().clone();
        double[] c = s.close().clone();
        double[] v = s.volume().clone();
        SplittableRandom rnd = new SplittableRandom(seed);
        double price = c[t];
        for (int i = t + 1; i < n; i++) {
            double open = price * (1 + 0.02 * (rnd.nextDouble() - 0.5));
            double close = open * (1 + 0.04 * (rnd.nextDouble() - 0.5));
            o[i] = open;
            c[i] = close;
            h[i] = Math.max(open, close) * (1 + 0.01 * rnd.nextDouble());
            l[i] = Math.min(open, close) * (1 - 0.01 * rnd.nextDouble());
            v[i] = rnd.nextInt(5_000);
            price = close;
        }
        return BarSeries.of(s.symbol(), s.interval(), s.time().clone(), o, h, l, c, v);
    }
}
