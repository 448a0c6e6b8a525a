package dev.phylo.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.phylo.engine.TestSeries;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.engine.strategy.StrategySpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Execution rules on hand-made bars, with expected fills worked out by hand: next-open and close fills, intrabar
 * stops, gaps, stop-before-target, trailing stops, the bar limit, end of data, fees and slippage.
 */
class StopsAndFillsTest {

    private static StrategySpec longWhen(String entry, String exit, String risk) {
        return StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "%s"%s}%s,
                 "sizing": {"units": 1}}""".formatted(
                entry, exit == null ? "" : ", \"exit\": \"" + exit + "\"", risk == null ? "" : ", \"risk\": " + risk));
    }

    private static List<Trade> trades(BarSeries s, StrategySpec spec) {
        return Backtester.run(s, spec, ExecutionConfig.DEFAULT).trades();
    }

    @Test
    void signalAtCloseFillsAtNextOpen() {
        BarSeries s = TestSeries.ohlc(
                new double[] {100, 101, 99, 100},
                new double[] {100, 106, 99, 105}, // close > 104: signal
                new double[] {107, 108, 106, 107}, // filled at this open
                new double[] {107, 108, 90, 95}); // close < 96: exit signal -> last bar, end of data instead
        List<Trade> t = trades(s, longWhen("close > 104", "close < 96", null));
        assertThat(t).hasSize(1);
        assertThat(t.get(0).entryBar()).isEqualTo(2);
        assertThat(t.get(0).entryPrice()).isEqualTo(107);
        assertThat(t.get(0).exitBar()).isEqualTo(3);
        assertThat(t.get(0).exitPrice()).isEqualTo(95);
        assertThat(t.get(0).exitReason()).isEqualTo(ExitReason.END_OF_DATA);
    }

    @Test
    void closeFillModeFillsAtTheSignalClose() {
        BarSeries s = TestSeries.ohlc(
                new double[] {100, 101, 99, 100},
                new double[] {100, 106, 99, 105},
                new double[] {107, 108, 106, 107},
                new double[] {107, 108, 90, 95},
                new double[] {95, 96, 94, 95});
        BacktestResult r = Backtester.run(
                s, longWhen("close > 104", "close < 96", null), ExecutionConfig.DEFAULT.withFill(Fill.CLOSE));
        Trade t = r.trades().get(0);
        assertThat(t.entryBar()).isEqualTo(1);
        assertThat(t.entryPrice()).isEqualTo(105);
        assertThat(t.exitBar()).isEqualTo(3);
        assertThat(t.exitPrice()).isEqualTo(95);
        assertThat(t.exitReason()).isEqualTo(ExitReason.SIGNAL);
    }

    @Test
    void stopInsideTheBarFillsAtTheStopLevel() {
        BarSeries s = TestSeries.ohlc(
                new double[] {100, 106, 99, 105}, // signal
                new double[] {100, 101, 97, 99}, // entry at 100; stop 5 % = 95 not touched (low 97)
                new double[] {99, 99.5, 94, 96}, // low 94 <= 95: stopped at 95
                new double[] {96, 97, 95, 96});
        Trade t = trades(s, longWhen("close > 104", null, "{\"stopLoss\": {\"percent\": 5}}"))
                .get(0);
        assertThat(t.entryPrice()).isEqualTo(100);
        assertThat(t.exitBar()).isEqualTo(2);
        assertThat(t.exitPrice()).isCloseTo(95, within(1e-12));
        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
    }

    @Test
    void gapThroughTheStopFillsAtTheOpen() {
        BarSeries s = TestSeries.ohlc(
                new double[] {100, 106, 99, 105},
                new double[] {100, 101, 97, 99},
                new double[] {90, 92, 88, 91}, // opens below the 95 stop
                new double[] {91, 92, 90, 91});
        Trade t = trades(s, longWhen("close > 104", null, "{\"stopLoss\": {\"percent\": 5}}"))
                .get(0);
        assertThat(t.exitBar()).isEqualTo(2);
        assertThat(t.exitPrice()).isEqualTo(90);
        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
    }

    @Test
    void stopCountsFirstWhenStopAndTargetAreInTheSameBar() {
        BarSeries s = TestSeries.ohlc(
                new double[] {100, 106, 99, 105},
                new double[] {100, 101, 99, 100},
                new double[] {100, 111, 94, 100}, // both 95 (stop) and 110 (target) inside the bar
                new double[] {100, 101, 99, 100});
        Trade t = trades(
                        s,
                        longWhen(
                                "close > 104",
                                null,
                                "{\"stopLoss\": {\"percent\": 5}, \"takeProfit\": {\"percent\": 10}}"))
                .get(0);
        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(t.exitPrice()).isCloseTo(95, within(1e-12));
    }

    @Test
    void takeProfitFillsAtTheTargetOrAtAGapOpen() {
        BarSeries inside = TestSeries.ohlc(
                new double[] {100, 106, 99, 105},
                new double[] {100, 101, 99, 100},
                new double[] {100, 111, 99, 108},
                new double[] {108, 109, 107, 108});
        String risk = "{\"takeProfit\": {\"percent\": 10}}";
        Trade t1 = trades(inside, longWhen("close > 104", null, risk)).get(0);
        assertThat(t1.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
        assertThat(t1.exitPrice()).isCloseTo(110, within(1e-12));

        BarSeries gap = TestSeries.ohlc(
                new double[] {100, 106, 99, 105},
                new double[] {100, 101, 99, 100},
                new double[] {115, 116, 114, 115},
                new double[] {115, 116, 114, 115});
        Trade t2 = trades(gap, longWhen("close > 104", null, risk)).get(0);
        assertThat(t2.exitPrice()).isEqualTo(115);
    }

    @Test
    void trailingStopFollowsTheHighestHighSinceEntry() {
        BarSeries s = TestSeries.ohlc(
                new double[] {100, 106, 99, 105},
                new double[] {100, 104, 99, 103}, // entry 100; best so far 104 -> trail 10 % = 93.6 next bar
                new double[] {103, 120, 102, 118}, // low 102 > 93.6; best becomes 120 -> trail 108
                new double[] {118, 119, 107, 110}, // low 107 <= 108: trailing stop at 108
                new double[] {110, 111, 109, 110});
        Trade t = trades(s, longWhen("close > 104", null, "{\"trailingStop\": {\"percent\": 10}}"))
                .get(0);
        assertThat(t.exitBar()).isEqualTo(3);
        assertThat(t.exitPrice()).isCloseTo(108, within(1e-9));
        assertThat(t.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
    }

    @Test
    void maxBarsClosesAfterThatManyBarsHeld() {
        BarSeries s = TestSeries.closes(100, 105, 106, 107, 108, 109, 110, 111);
        // entry signal at bar 1 (close 105 > 104), filled bar 2; held 2 bars at bar 3's close -> exit at bar 4 open
        Trade t = trades(s, longWhen("close > 104", null, "{\"maxBarsInTrade\": 2}"))
                .get(0);
        assertThat(t.entryBar()).isEqualTo(2);
        assertThat(t.exitBar()).isEqualTo(4);
        assertThat(t.exitReason()).isEqualTo(ExitReason.MAX_BARS);
    }

    @Test
    void feesAndSlippageApplyPerSideFromFirstPrinciples() {
        BarSeries s = TestSeries.ohlc(
                new double[] {100, 106, 99, 105},
                new double[] {100, 101, 99, 100},
                new double[] {110, 111, 109, 110},
                new double[] {110, 111, 109, 110});
        StrategySpec spec = StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "close > 104", "exit": "close > 109"}}""");
        ExecutionConfig exec = new ExecutionConfig(Fill.NEXT_OPEN, 10, 20, 10_000);
        BacktestResult r = Backtester.run(s, spec, exec);
        Trade t = r.trades().get(0);
        double entry = 100 * 1.002; // buy 20 bps worse
        double qty = 10_000 / (entry * 1.001); // all equity, fee included
        double exit = 110 * 0.998; // sell 20 bps worse, at bar 3's open
        double pnl = qty * (exit - entry) - qty * entry * 0.001 - qty * exit * 0.001;
        assertThat(t.entryPrice()).isCloseTo(entry, within(1e-9));
        assertThat(t.exitPrice()).isCloseTo(exit, within(1e-9));
        assertThat(t.quantity()).isCloseTo(qty, within(1e-9));
        assertThat(t.pnl()).isCloseTo(pnl, within(1e-6));
        assertThat(r.metrics().finalEquity()).isCloseTo(10_000 + pnl, within(1e-6));
        assertThat(r.metrics().totalReturn()).isCloseTo(pnl / 10_000, within(1e-12));
    }

    @Test
    void shortPositionsProfitWhenPriceFalls() {
        BarSeries s = TestSeries.ohlc(
                new double[] {100, 101, 94, 95}, // close < 96: short signal
                new double[] {95, 96, 89, 90}, // short at 95
                new double[] {90, 91, 84, 85},
                new double[] {85, 86, 79, 80});
        StrategySpec spec = StrategySpecs.parse("""
                {"version": 1, "direction": "short", "short": {"entry": "close < 96"}, "sizing": {"units": 2}}""");
        Trade t = Backtester.run(s, spec, ExecutionConfig.DEFAULT).trades().get(0);
        assertThat(t.side()).isEqualTo(-1);
        assertThat(t.entryPrice()).isEqualTo(95);
        assertThat(t.exitPrice()).isEqualTo(80);
        assertThat(t.pnl()).isCloseTo(30, within(1e-12));
        assertThat(t.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
    }
}
