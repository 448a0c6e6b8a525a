package dev.phylo.functions.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.engine.metrics.Metrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Top K passes over strategies that trade exactly as a better-ranked one (other ids, the same metrics everywhere). */
class DistinctBehaviourTest {

    private static Metrics metrics(double totalReturn, int trades) {
        return new Metrics(
                totalReturn,
                totalReturn / 2,
                1.1,
                1.4,
                0.2,
                0.9,
                trades,
                0.55,
                1.3,
                0.6,
                12.0,
                80.0,
                -40.0,
                10_000 * (1 + totalReturn),
                5_000);
    }

    private static RunHistory.Trial trial(String id, double fitness, Metrics spy, Metrics qqq) {
        return RunHistory.Trial.of(id, 0, fitness, Map.of("SPY", spy, "QQQ", qqq), new double[0], null);
    }

    @Test
    void keepsTheBestRankedOfEachBehaviourAndCountsThoseItPassesOver() {
        Metrics a = metrics(0.30, 40);
        Metrics b = metrics(0.25, 38);
        Metrics c = metrics(0.10, 12);
        List<RunHistory.Trial> ranked = List.of(
                trial("a1", 2.0, a, b),
                trial("a2", 2.0, metrics(0.30, 40), metrics(0.25, 38)), // equal values, other instances
                trial("b1", 1.5, b, a), // the same metrics on other symbols
                trial("a3", 1.4, a, b),
                trial("c1", 1.0, c, c),
                trial("d1", 0.5, a, c)); // equal on SPY only: a behaviour of its own

        Validator.Top top = Validator.distinctBehaviour(ranked, 3);

        assertThat(top.trials()).extracting(RunHistory.Trial::id).containsExactly("a1", "b1", "c1");
        assertThat(top.equivalentsSkipped()).isEqualTo(2);

        // one unit in the last place of one metric on one symbol is another behaviour
        double nextUp = Math.nextUp(0.30);
        assertThat(Behaviour.of(Map.of("SPY", metrics(nextUp, 40), "QQQ", b)))
                .isNotEqualTo(Behaviour.of(Map.of("SPY", a, "QQQ", b)))
                .isEqualTo(Behaviour.of(Map.of("QQQ", metrics(0.25, 38), "SPY", metrics(nextUp, 40))));

        Validator.Top all = Validator.distinctBehaviour(ranked, 10);
        assertThat(all.trials()).extracting(RunHistory.Trial::id).containsExactly("a1", "b1", "c1", "d1");
        assertThat(all.equivalentsSkipped()).isEqualTo(2);
    }
}
