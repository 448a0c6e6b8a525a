package dev.phylo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.backtest.Trade;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.engine.strategy.StrategySpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The naive loop that {@code scripts/bench} measures the engine against does the engine's work: on the same bars it
 * opens and closes the same positions on the same bars (and the engine agrees with ta4j, see Ta4jOracleTest).
 */
class NaiveSmaCrossTest {

    @Test
    void opensAndClosesTheSamePositionsAsTheEngine() {
        BarSeries bars = SyntheticMarket.generate(SyntheticConfig.defaults("NAIVE", BarInterval.ONE_MINUTE, 50_000, 7));
        List<Trade> engine = Backtester.run(bars, StrategySpecs.parse("""
                                {"version": 1, "direction": "long",
                                 "long": {"entry": "sma(10) crosses above sma(30)",
                                          "exit": "sma(10) crosses below sma(30)"}}"""), ExecutionConfig.DEFAULT)
                .trades();
        int[] trades = new int[bars.size()];

        int positions = NaiveSmaCross.run(bars.open(), bars.close(), trades);

        assertThat(engine).hasSizeGreaterThan(500);
        assertThat(Math.abs(positions)).isEqualTo(engine.size());
        for (int k = 0; k < engine.size(); k++) {
            assertThat(new int[] {trades[2 * k], trades[2 * k + 1]})
                    .as("position %d", k)
                    .containsExactly(engine.get(k).entryBar(), engine.get(k).exitBar());
        }
    }
}
