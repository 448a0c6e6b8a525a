package dev.phylo.engine.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.engine.strategy.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void defaultSpaceRoundTripsThroughJson() throws Exception {
        SearchSpace space = SearchSpace.defaults();

        String json = MAPPER.writeValueAsString(space);

        assertThat(json)
                .contains("\"families\":[\"maCross\",\"rsiReversion\"")
                .contains("\"directions\":[\"long\",\"short\",\"both\"]");
        assertThat(MAPPER.readValue(json, SearchSpace.class)).isEqualTo(space);
    }

    @Test
    void runInputCanNarrowTheFamiliesByTheirJsonIds() throws Exception {
        ObjectNode tree = MAPPER.valueToTree(SearchSpace.defaults());
        tree.putArray("families").add("donchianBreakout").add("maCross");
        tree.putArray("directions").add("long");

        SearchSpace space = MAPPER.treeToValue(tree, SearchSpace.class);

        assertThat(space.families()).containsExactly(RuleFamily.DONCHIAN_BREAKOUT, RuleFamily.MA_CROSS);
        assertThat(space.directions()).containsExactly(Direction.LONG);
    }

    @Test
    void rejectsUnknownFamilyNamingIt() {
        assertThatThrownBy(() -> RuleFamily.byId("turtleSoup"))
                .hasMessageContaining("unknown rule family 'turtleSoup'")
                .hasMessageContaining("maCross");
    }

    @Test
    void defaultSpaceEnablesEveryFamilyAndDirection() {
        SearchSpace space = SearchSpace.defaults();

        assertThat(space.families()).containsExactly(RuleFamily.values());
        assertThat(space.directions()).containsExactly(Direction.LONG, Direction.SHORT, Direction.BOTH);
        assertThat(space.maCross().periods()).containsExactly(5, 8, 10, 14, 20, 30, 50, 100, 200);
        assertThat(space.sizingFractions()).containsExactly(0.25, 0.5, 0.75, 1.0);
        assertThat(space.trend()).isEqualTo(TrendSpace.DEFAULT);
    }

    @Test
    void rejectsMaCrossWithOnePeriod() {
        assertThatThrownBy(() -> new FamilyGrids.MaCross(List.of("sma"), List.of(10)))
                .hasMessageContaining("maCross.periods needs at least two periods")
                .hasMessageContaining("[10]");
    }

    @Test
    void rejectsMaCrossPeriodsOutOfOrder() {
        assertThatThrownBy(() -> new FamilyGrids.MaCross(List.of("sma"), List.of(30, 10)))
                .hasMessageContaining("strictly ascending: [30, 10]");
    }

    @Test
    void rejectsUnknownMovingAverage() {
        assertThatThrownBy(() -> new FamilyGrids.MaCross(List.of("hma"), List.of(10, 30)))
                .hasMessageContaining("unknown average 'hma'");
    }

    @Test
    void rejectsMacdFastPeriodNotBelowEverySlowPeriod() {
        assertThatThrownBy(() -> new FamilyGrids.Macd(List.of(12, 30), List.of(26), List.of(9)))
                .hasMessageContaining("macdCross.fast must be below every macdCross.slow: 30 >= 26");
    }

    @Test
    void rejectsRsiEntryLevelAtTheCentre() {
        assertThatThrownBy(() -> new FamilyGrids.RsiReversion(List.of(14), List.of(30.0, 50.0), List.of(60.0)))
                .hasMessageContaining("rsiReversion.entryLevels must lie in (0.0, 50.0): 50.0");
    }

    @Test
    void rejectsExitLevelBelowAnEntryLevel() {
        assertThatThrownBy(() -> new FamilyGrids.ZscoreReversion(List.of(20), List.of(-2.0), List.of(-2.5, 0.0)))
                .hasMessageContaining(
                        "every zscoreReversion.entryLevels must be below every zscoreReversion.exitLevels");
    }

    @Test
    void rejectsDuplicatePeriods() {
        assertThatThrownBy(() -> new FamilyGrids.Donchian(List.of(20, 20), List.of(10)))
                .hasMessageContaining("donchianBreakout.entryPeriods has duplicate values: [20, 20]");
    }

    @Test
    void rejectsBollingerPeriodBelowTwo() {
        assertThatThrownBy(() -> new FamilyGrids.Bollinger(List.of(1, 20), List.of(2.0)))
                .hasMessageContaining("bollingerBreakout.periods must be whole numbers in [2, 10000]: 1");
    }

    @Test
    void rejectsNegativeRocThreshold() {
        assertThatThrownBy(() -> new FamilyGrids.RocMomentum(List.of(10), List.of(-0.01)))
                .hasMessageContaining("rocMomentum.thresholds must be >= 0")
                .hasMessageContaining("-0.01");
    }

    @Test
    void rejectsDuplicateDirectionsAndEmptyFamilies() {
        SearchSpace space = SearchSpace.defaults();
        assertThatThrownBy(() -> space.withDirections(Direction.LONG, Direction.LONG))
                .hasMessageContaining("directions has duplicate values: [LONG, LONG]");
        assertThatThrownBy(space::withFamilies).hasMessageContaining("families needs at least one value");
    }

    @Test
    void rejectsSizingFractionAboveOne() {
        SearchSpace d = SearchSpace.defaults();
        assertThatThrownBy(() -> new SearchSpace(
                        d.families(),
                        d.directions(),
                        d.maCross(),
                        d.rsiReversion(),
                        d.bollingerBreakout(),
                        d.donchianBreakout(),
                        d.macdCross(),
                        d.stochReversion(),
                        d.rocMomentum(),
                        d.zscoreReversion(),
                        d.risk(),
                        d.trend(),
                        List.of(0.5, 1.5)))
                .hasMessageContaining("sizingFractions must each be in (0, 1]: 1.5");
        assertThatThrownBy(() -> d.withSizingFractions(List.of(0.5, 0.5)))
                .hasMessageContaining("sizingFractions has duplicates: [0.5, 0.5]");
    }

    @Test
    void rejectsTrendPairsThatDoNotPairOrWhoseFastIsNotBelowTheSlow() {
        assertThatThrownBy(() -> new TrendSpace(0.5, List.of(20, 50), List.of(100)))
                .hasMessageContaining("trend.fast and trend.slow must pair up: [20, 50] and [100]");
        assertThatThrownBy(() -> new TrendSpace(0.5, List.of(200), List.of(50)))
                .hasMessageContaining("trend pair 0: fast 200 must be >= 1 and below slow 50");
    }

    @Test
    void rejectsStopWithNothingToChooseUnlessAlwaysOff() {
        assertThatThrownBy(() -> new RiskSpace.StopRange(0.5, List.of(), List.of(), 14))
                .hasMessageContaining("must have off = 1")
                .hasMessageContaining("off=0.5");
        assertThat(new RiskSpace.StopRange(1, List.of(), List.of(), 14)).isEqualTo(RiskSpace.StopRange.NONE);
    }

    @Test
    void rejectsPercentStopOfOneHundred() {
        assertThatThrownBy(() -> new RiskSpace.StopRange(0.5, List.of(2.0, 100.0), List.of(), 14))
                .hasMessageContaining("stop percents must lie in (0.0, 100.0): 100.0");
    }

    @Test
    void rangeBuildsAStepGrid() {
        assertThat(FamilyGrids.range(10, 50, 10)).containsExactly(10, 20, 30, 40, 50);
        assertThat(FamilyGrids.range(5, 12, 5)).containsExactly(5, 10);
        assertThatThrownBy(() -> FamilyGrids.range(10, 5, 1)).hasMessageContaining("from=10 to=5");
    }
}
