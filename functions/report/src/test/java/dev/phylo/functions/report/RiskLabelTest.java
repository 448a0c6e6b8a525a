package dev.phylo.functions.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.strategy.StrategySpecs;
import org.junit.jupiter.api.Test;

class RiskLabelTest {

    private static String label(String risk) {
        return RiskLabel.of(StrategySpecs.parse("""
                {"version":1,"name":"x","direction":"long","long":{"entry":"close > sma(10)"}%s}
                """.formatted(risk)));
    }

    @Test
    void namesEachExitInOrder() {
        assertThat(label(",\"risk\":{\"stopLoss\":{\"atr\":14,\"multiple\":1.0},\"trailingStop\":{\"atr\":14,"
                        + "\"multiple\":2.5},\"maxBarsInTrade\":20}"))
                .isEqualTo("stop 1×ATR14, trail 2.5×ATR14, 20 bars max");
        assertThat(label(",\"risk\":{\"stopLoss\":{\"percent\":2},\"takeProfit\":{\"percent\":4.5}}"))
                .isEqualTo("stop 2%, target 4.5%");
    }

    @Test
    void aPositionSmallerThanAllOfEquityIsNamed() {
        assertThat(label(",\"risk\":{\"stopLoss\":{\"percent\":2}},\"sizing\":{\"fractionOfEquity\":0.25}"))
                .isEqualTo("stop 2%; 25% of equity");
        assertThat(label(",\"sizing\":{\"fractionOfEquity\":1}")).isEqualTo("no stops");
    }

    @Test
    void aStrategyWithoutExitsSaysSo() {
        assertThat(label("")).isEqualTo("no stops");
    }
}
