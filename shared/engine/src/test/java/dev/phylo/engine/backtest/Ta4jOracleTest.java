package dev.phylo.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.engine.strategy.StrategySpecs;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * ta4j 0.17, an independent engine, trades a long-only SMA(10)/SMA(30) crossover on the same synthetic bars: every
 * position opens and closes on the same bars at the same prices as ours (both fill at the next open).
 */
class Ta4jOracleTest {

    @Test
    void smaCrossoverTradesMatchTa4j() {
        BarSeries s = SyntheticMarket.generate(SyntheticConfig.defaults("ORACLE", BarInterval.ONE_MINUTE, 50_000, 99));
        org.ta4j.core.BarSeries ts =
                new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        Duration minute = Duration.ofMinutes(1);
        for (int i = 0; i < s.size(); i++) {
            ts.addBar(
                    minute,
                    Instant.ofEpochMilli(s.time()[i]).plus(minute).atZone(ZoneOffset.UTC),
                    s.open()[i],
                    s.high()[i],
                    s.low()[i],
                    s.close()[i],
                    s.volume()[i]);
        }
        ClosePriceIndicator close = new ClosePriceIndicator(ts);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        TradingRecord record = new BarSeriesManager(ts)
                .run(new BaseStrategy(
                        new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow), 30));

        List<Trade> ours = Backtester.run(s, StrategySpecs.parse("""
                {"version": 1, "direction": "long",
                 "long": {"entry": "sma(10) crosses above sma(30)", "exit": "sma(10) crosses below sma(30)"}}"""), ExecutionConfig.DEFAULT)
                .trades();

        List<Position> theirs = record.getPositions();
        assertThat(theirs).hasSizeGreaterThan(500);
        // ta4j lists closed positions only; we also close the last one at the end of data
        assertThat(ours).hasSize(theirs.size() + (record.isClosed() ? 0 : 1));
        for (int i = 0; i < theirs.size(); i++) {
            Position p = theirs.get(i);
            Trade t = ours.get(i);
            assertThat(t.entryBar())
                    .as("position %d entry", i)
                    .isEqualTo(p.getEntry().getIndex());
            assertThat(t.exitBar())
                    .as("position %d exit", i)
                    .isEqualTo(p.getExit().getIndex());
            assertThat(t.entryPrice())
                    .as("position %d entry price", i)
                    .isEqualTo(p.getEntry().getPricePerAsset().doubleValue());
            assertThat(t.exitPrice())
                    .as("position %d exit price", i)
                    .isEqualTo(p.getExit().getPricePerAsset().doubleValue());
        }
    }
}
