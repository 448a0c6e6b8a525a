package dev.phylo.efs;

import static dev.phylo.efs.RunFixtures.RUN;
import static dev.phylo.efs.RunFixtures.SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.engine.metrics.Metrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordsTest {
    @TempDir
    Path dir;

    private static final ExecutionPlan EXEC = new ExecutionPlan("NEXT_OPEN", 5, 2, 10_000);
    private static final DataSlice SLICE = new DataSlice("AAPL", "1d", SNAPSHOT, 0, 10, 10, 20);

    private static RunPlan plan(int populationSize, int batchSize, List<DataSlice> data) {
        return new RunPlan(RUN, 1, populationSize, 10, batchSize, 3, "sharpe", 0, List.of(), List.of(), EXEC, data);
    }

    @Test
    void runPlanRejectsNonPositiveSizesAndEmptyData() {
        assertThatThrownBy(() -> plan(0, 10, List.of(SLICE))).hasMessage("populationSize must be positive: 0");
        assertThatThrownBy(() -> plan(10, -1, List.of(SLICE))).hasMessage("batchSize must be positive: -1");
        assertThatThrownBy(() -> plan(10, 10, List.of())).hasMessage("data must hold at least one slice");
        assertThatThrownBy(() -> plan(10, 10, List.of(SLICE, SLICE)))
                .hasMessageContaining("two slices for symbol \"AAPL\"");
        assertThatThrownBy(() ->
                        new RunPlan("Bad_Id", 1, 1, 1, 1, 1, "sharpe", 0, List.of(), List.of(), EXEC, List.of(SLICE)))
                .hasMessageContaining("\"Bad_Id\"");
        assertThatThrownBy(() -> new RunPlan(RUN, 1, 1, 1, 1, 1, " ", 0, List.of(), List.of(), EXEC, List.of(SLICE)))
                .hasMessageContaining("objective must not be blank");
        assertThatThrownBy(() -> new RunPlan(
                        RUN, 1, 1, 1, 1, 1, "sharpe", 0, List.of("a", "a"), List.of(), EXEC, List.of(SLICE)))
                .hasMessageContaining("families has duplicates");
    }

    @Test
    void scoresOnlyKeepsEveryIdFitnessAndTheBatchButNoMetrics() {
        BatchResult full = RunFixtures.result(3);
        assertThat(full.results())
                .allSatisfy(r -> assertThat(r.metricsBySymbol()).isNotEmpty());

        BatchResult scores = full.scoresOnly();

        assertThat(scores.ref()).isEqualTo(full.ref());
        assertThat(scores.strategyBars()).isEqualTo(full.strategyBars());
        assertThat(scores.results())
                .extracting(StrategyResult::id)
                .containsExactlyElementsOf(
                        full.results().stream().map(StrategyResult::id).toList());
        assertThat(scores.results())
                .extracting(StrategyResult::fitness)
                .containsExactlyElementsOf(
                        full.results().stream().map(StrategyResult::fitness).toList());
        assertThat(scores.results())
                .allSatisfy(r -> assertThat(r.metricsBySymbol()).isEmpty());
    }

    @Test
    void runPlanCopiesItsLists() {
        List<DataSlice> data = new ArrayList<>(List.of(SLICE));
        RunPlan plan = plan(10, 10, data);
        data.clear();
        assertThat(plan.data()).containsExactly(SLICE);
        assertThatThrownBy(() -> plan.data().add(SLICE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void dataSliceRangesAreHalfOpenOrderedAndDisjoint() {
        assertThatThrownBy(() -> new DataSlice("AAPL", "1d", SNAPSHOT, 10, 10, 20, 30))
                .hasMessage("AAPL: inSampleFrom >= inSampleTo: 10 >= 10");
        assertThatThrownBy(() -> new DataSlice("AAPL", "1d", SNAPSHOT, 0, 10, 30, 20))
                .hasMessage("AAPL: outOfSampleFrom >= outOfSampleTo: 30 >= 20");
        assertThatThrownBy(() -> new DataSlice("AAPL", "1d", SNAPSHOT, 0, 10, 9, 20))
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> new DataSlice("AAPL", "1D", SNAPSHOT, 0, 10, 10, 20))
                .hasMessageContaining("not canonical");
        assertThatThrownBy(() -> new DataSlice("AAPL", "1d", "xyz", 0, 10, 10, 20))
                .hasMessageContaining("snapshotId");
        assertThat(new DataSlice("AAPL", "1d", SNAPSHOT, 10, 20, 0, 10).outOfSampleTo())
                .isEqualTo(10);
    }

    @Test
    void executionPlanRejectsNegativeCostsAndNoCapital() {
        assertThatThrownBy(() -> new ExecutionPlan("NEXT_OPEN", -1, 0, 1)).hasMessage("feeBps must be >= 0: -1.0");
        assertThatThrownBy(() -> new ExecutionPlan("NEXT_OPEN", 0, Double.NaN, 1))
                .hasMessage("slippageBps must be finite: NaN");
        assertThatThrownBy(() -> new ExecutionPlan("NEXT_OPEN", 0, 0, 0)).hasMessage("initialCapital must be > 0: 0.0");
    }

    @Test
    void individualsCompareByValueAndCannotBeChanged() {
        double[] genes = {1, 2, 3};
        Individual a = new Individual(RunFixtures.id(1), genes);
        genes[0] = 99;
        assertThat(a.genes()).containsExactly(1, 2, 3);
        a.genes()[1] = 99;
        assertThat(a.gene(1)).isEqualTo(2);
        assertThat(a)
                .isEqualTo(new Individual(RunFixtures.id(1), new double[] {1, 2, 3}))
                .hasSameHashCodeAs(new Individual(RunFixtures.id(1), new double[] {1, 2, 3}))
                .isNotEqualTo(new Individual(RunFixtures.id(1), new double[] {1, 2, 4}));
        assertThat(a.toString()).contains("[1.0, 2.0, 3.0]");
        assertThatThrownBy(() -> new Individual(RunFixtures.id(1), new double[] {1, Double.POSITIVE_INFINITY}))
                .hasMessageContaining("[1] must be finite: Infinity");
        assertThatThrownBy(() -> new Individual("ABC", new double[0])).hasMessageContaining("strategy id");
    }

    @Test
    void resultsMustBeFinite() {
        assertThatThrownBy(() -> new StrategyResult(RunFixtures.id(1), Double.NaN, Map.of()))
                .hasMessageContaining("fitness of " + RunFixtures.id(1) + " must be finite: NaN");
        Metrics nanSharpe = new Metrics(0, 0, Double.NaN, null, 0, null, 0, null, null, 0, null, null, null, 1, 1);
        assertThatThrownBy(() -> new StrategyResult(RunFixtures.id(1), 1, Map.of("AAPL", nanSharpe)))
                .hasMessageContaining("for AAPL.sharpe must be finite or null: NaN");
        Metrics infEquity =
                new Metrics(0, 0, null, null, 0, null, 0, null, null, 0, null, null, null, Double.POSITIVE_INFINITY, 1);
        assertThatThrownBy(() -> new StrategyResult(RunFixtures.id(1), 1, Map.of("AAPL", infEquity)))
                .hasMessageContaining("finalEquity must be finite");
    }

    @Test
    void batchRefsStayWithinTheirPaddedNames() {
        assertThatThrownBy(() -> new BatchRef(RUN, 10_000, 0))
                .hasMessage("generation out of range: 10000 (expected 0..9999)");
        assertThatThrownBy(() -> new BatchRef(RUN, 0, 100_000))
                .hasMessage("batch out of range: 100000 (expected 0..99999)");
        assertThatThrownBy(() -> new BatchRef(RUN, 0, -1)).hasMessageContaining("-1");
    }

    @Test
    void doublesRoundTripBitForBitThroughJson() {
        List<Double> edge = List.of(
                0.1,
                0.1 + 0.2,
                1.0 / 3.0,
                -0.0,
                0.0,
                Double.MIN_VALUE,
                Double.MIN_NORMAL,
                Double.MAX_VALUE,
                -Double.MAX_VALUE,
                1e23,
                9.999999999999999e22,
                2.0E-3,
                123456789012345680.0,
                Math.PI,
                Math.E,
                4.35,
                5e-324,
                1.7976931348623157e308,
                Math.nextUp(1.0),
                Math.nextDown(1.0));
        double[] genes = edge.stream().mapToDouble(Double::doubleValue).toArray();
        List<Individual> individuals = new ArrayList<>(List.of(new Individual(RunFixtures.id(0), genes)));
        individuals.addAll(RunFixtures.individuals(200, 99));
        Population population = new Population(RUN, 0, individuals);

        byte[] json = AtomicFiles.toJson(population);
        Population back = readJson(json, Population.class);

        for (int i = 0; i < individuals.size(); i++) {
            double[] expected = individuals.get(i).genes();
            double[] actual = back.individuals().get(i).genes();
            for (int g = 0; g < expected.length; g++) {
                assertThat(Double.doubleToRawLongBits(actual[g]))
                        .as("individual %d gene %d (%s)", i, g, expected[g])
                        .isEqualTo(Double.doubleToRawLongBits(expected[g]));
            }
        }
        assertThat(AtomicFiles.toJson(back)).isEqualTo(json);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("0.30000000000000004", "1.0E23", "4.9E-324").doesNotContain("NaN", "Infinity");
    }

    @Test
    void metricsKeepNullsAndOrderSymbols() {
        BatchResult result = RunFixtures.result(0);
        String text = new String(AtomicFiles.toJson(result), StandardCharsets.UTF_8);
        assertThat(text).contains("\"sortino\":null", "\"profitFactor\":null");
        assertThat(text.indexOf("\"BTC-USD\"")).isLessThan(text.indexOf("\"^GSPC\""));
        assertThat(readJson(AtomicFiles.toJson(result), BatchResult.class)).isEqualTo(result);
    }

    private <T> T readJson(byte[] json, Class<T> type) {
        Path file = dir.resolve(type.getSimpleName() + ".json");
        AtomicFiles.write(file, json);
        return AtomicFiles.readJson(file, type);
    }
}
