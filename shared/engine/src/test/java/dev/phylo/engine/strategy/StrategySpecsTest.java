package dev.phylo.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The JSON form: everything the issue lists is expressible, canonical output is stable, mistakes are named. */
class StrategySpecsTest {

    @Test
    void expressesSidesRulesGroupsStopsAndSizing() {
        StrategySpec s = StrategySpecs.parse("""
                {"version": 1, "name": "kitchen sink", "direction": "both",
                 "long":  {"entry": {"all": ["rsi(14) < 30", {"any": ["close > sma(200)", "macd(12,26,9).histogram > 0"]}]},
                           "exit": "rsi(14) crosses above 50"},
                 "short": {"entry": "close crosses below bollinger(20, 2.5).lower", "exit": "stoch(14,3,3).d < 20"},
                 "risk": {"stopLoss": {"atr": 14, "multiple": 2}, "takeProfit": {"percent": 6},
                          "trailingStop": {"percent": 3}, "maxBarsInTrade": 40},
                 "sizing": {"fractionOfEquity": 0.25}}""");
        assertThat(s.direction()).isEqualTo(Direction.BOTH);
        assertThat(s.longRules().entry()).isInstanceOf(Rule.All.class);
        assertThat(s.stopLoss()).isEqualTo(Stop.atr(14, 2));
        assertThat(s.takeProfit()).isEqualTo(Stop.percent(6));
        assertThat(s.trailingStop()).isEqualTo(Stop.percent(3));
        assertThat(s.maxBarsInTrade()).isEqualTo(40);
        assertThat(s.sizing().fractionOfEquity()).isEqualTo(0.25);
        assertThat(s.shortRules().entry().toString()).isEqualTo("close crosses below bollinger(20,2.5).lower");
        String canonical = StrategySpecs.toJson(s);
        assertThat(StrategySpecs.toJson(StrategySpecs.parse(canonical))).isEqualTo(canonical);
        assertThat(StrategySpecs.parse(canonical)).isEqualTo(s);
    }

    @Test
    void conditionTextIsParsedAndCanonicalised() {
        Rule.Condition c = Conditions.parse("  SMA( 10 )   crosses   above sma(30) ");
        assertThat(c.op()).isEqualTo(Comparison.CROSSES_ABOVE);
        assertThat(c.toString()).isEqualTo("sma(10) crosses above sma(30)");
        assertThat(Conditions.parse("close > highest(20)[1]").right())
                .isEqualTo(new Operand.Indicator(
                        dev.phylo.engine.indicator.IndicatorSpec.of(
                                dev.phylo.engine.indicator.IndicatorKind.HIGHEST, 20),
                        0,
                        1));
        assertThat(Conditions.parse("30 > rsi(14)").left()).isEqualTo(new Operand.Constant(30));
    }

    @Test
    void mistakesAreRejectedWithWhereAndWhy() {
        assertThatThrownBy(() -> StrategySpecs.parse("{\"version\": 2, \"direction\": \"long\"}"))
                .hasMessageContaining("unsupported strategy spec version 2");
        assertThatThrownBy(() -> StrategySpecs.parse("{\"direction\": \"long\"}"))
                .hasMessageContaining("$.version is missing");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "rsi(14) <> 30"}}"""))
                .hasMessageContaining("$.long.entry")
                .hasMessageContaining("bad operand");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "sma(0) > close"}}"""))
                .hasMessageContaining("sma period must be a whole number in [1, 10000]: 0");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "macd(26,12,9) > 0"}}"""))
                .hasMessageContaining("macd fast must be below slow: 26 >= 12");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "bollinger(20,2).top > close"}}"""))
                .hasMessageContaining("bollinger has no output 'top'; outputs are [middle, upper, lower]");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "long", "short": {"entry": "close > 1"}}""")).hasMessageContaining("direction long needs \"long\" rules");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "sideways", "long": {"entry": "close > 1"}}""")).hasMessageContaining("$.direction must be");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "close > 1"}, "risk": {"stopLoss": {"percent": -2}}}"""))
                .hasMessageContaining("$.risk.stopLoss")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "close > 1", "reverseOnly": true}}""")).hasMessageContaining("reverseOnly needs direction both");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "both", "long": {"entry": "close > 1", "reverseOnly": true},
                 "short": {"entry": "close < 1", "reverseOnly": true}}""")).hasMessageContaining("could never open a position");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "both", "long": {"entry": "close > 1", "reverseOnly": "yes"},
                 "short": {"entry": "close < 1"}}"""))
                .hasMessageContaining("$.long.reverseOnly must be true or false");
        assertThatThrownBy(() -> StrategySpecs.parse("{\"version\": 1, ")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "1 > 2"}}""")).hasMessageContaining("compares two constants");
    }

    @Test
    void idDependsOnTheSpecNotOnHowItsJsonWasWritten() {
        StrategySpec a = StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "sma(10) crosses above sma(30)",
                 "exit": "sma(10) crosses below sma(30)"}}""");
        StrategySpec reordered = StrategySpecs.parse("""
                {"long": {"exit": "sma(10)   crosses below sma(30)", "entry": "sma(10) crosses above sma(30)"},
                 "direction": "long", "version": 1}""");
        StrategySpec other = StrategySpecs.parse("""
                {"version": 1, "direction": "long", "long": {"entry": "sma(10) crosses above sma(31)",
                 "exit": "sma(10) crosses below sma(31)"}}""");

        assertThat(StrategySpecs.id(a)).matches("[0-9a-f]{32}").isEqualTo(StrategySpecs.id(reordered));
        assertThat(StrategySpecs.id(other)).isNotEqualTo(StrategySpecs.id(a));
        // the id is the hash of the canonical text, so a spec re-read from its canonical JSON keeps it
        assertThat(StrategySpecs.id(StrategySpecs.parse(StrategySpecs.toJson(a))))
                .isEqualTo(StrategySpecs.id(a));
    }
}
