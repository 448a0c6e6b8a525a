package dev.phylo.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.engine.Conformance;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.strategy.ExampleStrategies;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.engine.strategy.StrategySpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SMA(10)/SMA(30) stop-and-reverse trade list matches backtrader's, bar for bar and price for price.
 *
 * <p>The SMAs first cross downwards at bar 32. backtrader's reference run did not act on that cross while flat: its
 * first trade is the long entered at bar 57, and from there every cross reverses. That is a stop-and-reverse whose
 * short side only reverses ({@code "reverseOnly": true}), and with it the lists are identical. The shipped example,
 * which may also open the short from flat, takes that first short at bar 33 and then trades exactly the same list.
 */
class ConformanceTradesTest {

    @Test
    void stopAndReverseReproducesBacktraderTradesExactly() {
        BarSeries s = Conformance.series();
        JsonNode ref = Conformance.reference().get("smaCrossStopAndReverse");
        assertThat(ref.get("fast").asInt()).isEqualTo(10);
        assertThat(ref.get("slow").asInt()).isEqualTo(30);
        // backtrader trades 1 unit: the same size makes pnl comparable too
        StrategySpec reverseOnlyShort = StrategySpecs.parse("""
                {"version": 1, "direction": "both", "sizing": {"units": 1},
                 "long":  {"entry": "sma(10) crosses above sma(30)"},
                 "short": {"entry": "sma(10) crosses below sma(30)", "reverseOnly": true}}""");
        List<Trade> trades =
                Backtester.run(s, reverseOnlyShort, ExecutionConfig.DEFAULT).trades();
        // backtrader does not list the position still open at the end; we close it as END_OF_DATA
        assertThat(trades.get(trades.size() - 1).exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        assertSameTrades(trades.subList(0, trades.size() - 1), ref.get("closedTrades"));
    }

    @Test
    void shippedExampleAlsoTakesTheFirstShortFromFlat() {
        BarSeries s = Conformance.series();
        JsonNode ref = Conformance.reference().get("smaCrossStopAndReverse");
        StrategySpec spec = ExampleStrategies.get("sma-cross-stop-and-reverse");
        StrategySpec oneUnit = StrategySpecs.parse(ExampleStrategies.json("sma-cross-stop-and-reverse")
                .replace("\"direction\"", "\"sizing\": {\"units\": 1}, \"direction\""));

        BacktestResult r = Backtester.run(s, oneUnit, ExecutionConfig.DEFAULT);

        List<Trade> trades = r.trades();
        JsonNode expected = ref.get("closedTrades");
        // backtrader does not list the position still open at the end; we close it as END_OF_DATA
        assertThat(trades.get(trades.size() - 1).exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        Trade initial = trades.get(0);
        int firstCross = firstCrossBar(s.close(), 10, 30);
        assertThat(firstCross)
                .as("first SMA(10)/SMA(30) cross, computed directly")
                .isEqualTo(32);
        assertThat(initial.side()).isEqualTo(-1);
        assertThat(initial.entryBar()).isEqualTo(firstCross + 1);
        assertThat(initial.entryPrice()).isEqualTo(s.open()[firstCross + 1]);
        assertThat(initial.exitBar()).isEqualTo(expected.get(0).get("entryBar").asInt());
        List<Trade> closed = trades.subList(1, trades.size() - 1);
        assertSameTrades(closed, expected);
        // the open position at the end is the reverse of the last closed trade, entered at its exit bar
        Trade last = trades.get(trades.size() - 1);
        assertThat(last.entryBar()).isEqualTo(closed.get(closed.size() - 1).exitBar());
        assertThat(last.exitBar()).isEqualTo(s.size() - 1);
        assertThat(last.exitPrice()).isEqualTo(s.close()[s.size() - 1]);
        assertThat(spec.direction()).isEqualTo(oneUnit.direction());
    }

    private static void assertSameTrades(List<Trade> closed, JsonNode expected) {
        assertThat(closed).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            Trade t = closed.get(i);
            assertThat(t.entryBar())
                    .as("trade %d entry bar", i)
                    .isEqualTo(e.get("entryBar").asInt());
            assertThat(t.exitBar())
                    .as("trade %d exit bar", i)
                    .isEqualTo(e.get("exitBar").asInt());
            assertThat(t.sideName())
                    .as("trade %d side", i)
                    .isEqualTo(e.get("side").asText());
            assertThat(t.entryPrice())
                    .as("trade %d entry price", i)
                    .isEqualTo(e.get("entryPrice").asDouble());
            assertThat(t.exitPrice())
                    .as("trade %d exit price", i)
                    .isEqualTo(e.get("exitPrice").asDouble());
            assertThat(t.pnl())
                    .as("trade %d pnl", i)
                    .isCloseTo(e.get("pnl").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(t.exitReason()).isEqualTo(ExitReason.REVERSE);
        }
    }

    /** First bar at which the sign of SMA(fast) - SMA(slow) changes, by direct summation. */
    private static int firstCrossBar(double[] c, int fast, int slow) {
        int prevSign = 0;
        for (int t = slow - 1; t < c.length; t++) {
            double d = mean(c, t, fast) - mean(c, t, slow);
            int sign = d > 0 ? 1 : d < 0 ? -1 : 0;
            if (prevSign != 0 && sign != 0 && sign != prevSign) {
                return t;
            }
            if (sign != 0) {
                prevSign = sign;
            }
        }
        return -1;
    }

    private static double mean(double[] c, int t, int n) {
        double s = 0;
        for (int i = t - n + 1; i <= t; i++) {
            s += c[i];
        }
        return s / n;
    }
}
