package dev.phylo.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.TestSeries;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.strategy.ExampleStrategies;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.engine.strategy.StrategySpecs;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example parses, survives a canonical round trip and trades sensibly on a random walk. */
class ExampleStrategiesRunTest {

    static Stream<String> examples() {
        return ExampleStrategies.names().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleRunsAndTrades(String name) {
        StrategySpec spec = ExampleStrategies.get(name);
        assertThat(StrategySpecs.parse(StrategySpecs.toJson(spec))).isEqualTo(spec);
        BarSeries s = TestSeries.randomWalk(5_000, 3);
        BacktestResult r = Backtester.run(s, spec, ExecutionConfig.DEFAULT);
        assertThat(r.metrics().tradeCount())
                .as(name)
                .isGreaterThan(3)
                .isEqualTo(r.trades().size());
        for (Trade t : r.trades()) {
            assertThat(t.exitBar()).isGreaterThanOrEqualTo(t.entryBar());
            assertThat(spec.direction().allowsLong() || t.side() < 0).isTrue();
            assertThat(spec.direction().allowsShort() || t.side() > 0).isTrue();
            assertThat(t.entryPrice()).isBetween(s.low()[t.entryBar()], s.high()[t.entryBar()]);
            assertThat(t.exitPrice()).isBetween(s.low()[t.exitBar()], s.high()[t.exitBar()]);
        }
        assertThat(r.metrics().exposure()).isBetween(0.0, 1.0);
        assertThat(r.metrics().maxDrawdown()).isBetween(0.0, 1.0);
    }
}
