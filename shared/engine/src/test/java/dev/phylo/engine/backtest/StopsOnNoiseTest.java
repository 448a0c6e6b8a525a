package dev.phylo.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.engine.strategy.StrategySpecs;
import org.junit.jupiter.api.Test;

/**
 * Stops cannot make money on a driftless price: a martingale stopped at any rule keeps an expected gain of zero
 * (optional stopping). A backtest keeps that only when a bar's high and low are as far as the price really went; the
 * synthetic market draws them from a continuous path for this reason. Watched at six points instead, the range is too
 * small, stops fire less often than the price crosses them, and the same strategy earns a Sharpe ratio of about 2 on
 * pure noise.
 */
class StopsOnNoiseTest {

    /** An EMA(5)/EMA(10) crossover with a 1-ATR stop-loss and a 2-ATR trailing stop, the winner of a GA run on noise. */
    private static final StrategySpec STOPPED = StrategySpecs.parse("""
            {"version":1,"name":"stopped","direction":"both",
             "long":{"entry":"ema(5) crosses above ema(10)"},"short":{"entry":"ema(5) crosses below ema(10)"},
             "risk":{"stopLoss":{"atr":14,"multiple":1.0},"trailingStop":{"atr":14,"multiple":2.0}}}
            """);

    private static final int SEEDS = 10;
    private static final int BARS = 26_280; // three years of hours

    @Test
    void stoppedTradesOnContinuousRangesEarnNothingOnNoise() {
        // per seed the Sharpe ratio of three years has a sampling sd of about 1/sqrt(3) = 0.58; over ten seeds the
        // mean's is about 0.18, so 0.6 is more than three of them
        assertThat(meanSharpe(0)).isBetween(-0.6, 0.6);
    }

    @Test
    void sixPointRangesGiveStopsAPhantomEdge() {
        assertThat(meanSharpe(6)).isGreaterThan(1.0);
    }

    private static double meanSharpe(int subSteps) {
        double sum = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            var noise = SyntheticMarket.generate(
                    SyntheticConfig.noise("N", BarInterval.ONE_HOUR, BARS, seed).withIntrabar(subSteps, 0));
            Double sharpe = Backtester.run(noise, STOPPED, ExecutionConfig.DEFAULT)
                    .metrics()
                    .sharpe();
            sum += sharpe;
        }
        return sum / SEEDS;
    }
}
