package dev.phylo.functions.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.efs.DataSlice;
import dev.phylo.efs.ExecutionPlan;
import dev.phylo.efs.RunPlan;
import dev.phylo.store.RunRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** persist's done flag: the last planned generation, or no improvement for stallGenerations generations. */
class StopRuleTest {

    private static RunPlan plan(int generations, int stall) {
        DataSlice slice = new DataSlice("SYN", "1h", "0123456789abcdef0123456789abcdef", 0, 10, 10, 20);
        return new RunPlan(
                "stop-rule",
                1,
                10,
                generations,
                5,
                stall,
                "sharpe",
                1,
                List.of(),
                List.of(),
                new ExecutionPlan("next-open", 0, 0, 10_000),
                List.of(slice));
    }

    private static RunRow bestAt(Integer generation) {
        return new RunRow("stop-rule", "{}", 1, "running", 10, 0, 10, null, 1.0, generation, null, null, null, null);
    }

    @Test
    void stopsAfterTheLastPlannedGeneration() {
        assertThat(PersistService.finished(plan(3, 0), 1, bestAt(1))).isFalse();
        assertThat(PersistService.finished(plan(3, 0), 2, bestAt(0))).isTrue();
    }

    @Test
    void stopsWhenTheBestIsStallGenerationsOld() {
        // best first reached at generation 4; stall 3: generations 5, 6 and 7 did not beat it
        assertThat(PersistService.finished(plan(20, 3), 6, bestAt(4))).isFalse();
        assertThat(PersistService.finished(plan(20, 3), 7, bestAt(4))).isTrue();
        assertThat(PersistService.finished(plan(20, 0), 19 - 1, bestAt(0))).isFalse();
    }
}
