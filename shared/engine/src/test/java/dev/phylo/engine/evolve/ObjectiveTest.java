package dev.phylo.engine.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.engine.metrics.Metrics;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    /** Metrics with distinct values per measure: sharpe 1.5, sortino 2.5, calmar 0.8, total return 0.3. */
    static Metrics metrics(Double sharpe, int trades) {
        return new Metrics(0.3, 0.1, sharpe, 2.5, 0.125, 0.8, trades, 0.5, 1.4, 0.6, 0.01, 0.05, -0.03, 13_000, 500);
    }

    @Test
    void sharpeIsTheDefaultWithTenTrades() {
        assertThat(Objective.DEFAULT).isEqualTo(new Objective(Objective.Measure.SHARPE, 10));
    }

    @Test
    void strategyWithEnoughTradesScoresItsMeasure() {
        Metrics m = metrics(1.5, 12);

        assertThat(Objective.of(Objective.Measure.SHARPE).fitness(m)).isEqualTo(1.5);
        assertThat(Objective.of(Objective.Measure.SORTINO).fitness(m)).isEqualTo(2.5);
        assertThat(Objective.of(Objective.Measure.CALMAR).fitness(m)).isEqualTo(0.8);
        assertThat(Objective.of(Objective.Measure.RETURN).fitness(m)).isEqualTo(0.3);
    }

    @Test
    void tooFewTradesCapsAtZeroAndSubtractsTheShortfall() {
        // 5 of 10 trades: shortfall 0.5
        assertThat(Objective.DEFAULT.fitness(metrics(2.0, 5))).isEqualTo(-0.5);
        assertThat(Objective.DEFAULT.fitness(metrics(-1.0, 5))).isEqualTo(-1.5);
        assertThat(Objective.DEFAULT.fitness(metrics(2.0, 0))).isEqualTo(-1.0);
    }

    @Test
    void undefinedMeasureScoresFiniteAndBelowEveryDefinedOne() {
        double undefined = Objective.DEFAULT.fitness(metrics(null, 0));
        double worstDefined = Objective.DEFAULT.fitness(metrics(-1e300, 0));

        assertThat(undefined).isFinite().isEqualTo(Objective.UNDEFINED - 1);
        assertThat(worstDefined).isEqualTo(-Objective.CAP - 1);
        assertThat(undefined).isLessThan(worstDefined);
        assertThat(Objective.DEFAULT.fitness(metrics(Double.NaN, 20))).isEqualTo(Objective.UNDEFINED);
    }

    @Test
    void fitnessNeverFallsWhenTradesIncrease() {
        for (double v : new double[] {-3, -0.2, 0, 0.4, 7}) {
            double previous = Double.NEGATIVE_INFINITY;
            for (int trades = 0; trades <= 15; trades++) {
                double f = Objective.DEFAULT.fitness(metrics(v, trades));
                assertThat(f).as("v=%s trades=%d", v, trades).isGreaterThanOrEqualTo(previous);
                previous = f;
            }
        }
    }

    @Test
    void qualifyingNonNegativeStrategyBeatsEveryPenalisedOne() {
        double qualifyingZero = Objective.DEFAULT.fitness(metrics(0.0, 10));

        assertThat(Objective.DEFAULT.fitness(metrics(50.0, 9))).isLessThan(qualifyingZero);
        assertThat(Objective.DEFAULT.fitness(metrics(0.0, 9))).isLessThan(qualifyingZero);
    }

    @Test
    void zeroMinimumNeverPenalises() {
        assertThat(new Objective(Objective.Measure.SHARPE, 0).fitness(metrics(1.5, 0)))
                .isEqualTo(1.5);
    }

    @Test
    void hugeMeasuresAreClamped() {
        assertThat(Objective.DEFAULT.fitness(metrics(Double.POSITIVE_INFINITY, 30)))
                .isEqualTo(Objective.CAP);
        assertThat(Objective.DEFAULT.fitness(metrics(-1e12, 30))).isEqualTo(-Objective.CAP);
    }

    @Test
    void rejectsNegativeMinimumTrades() {
        assertThatThrownBy(() -> new Objective(Objective.Measure.CALMAR, -1))
                .hasMessageContaining("minTrades must be >= 0: -1");
    }
}
