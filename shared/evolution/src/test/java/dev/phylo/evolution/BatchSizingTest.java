package dev.phylo.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The arithmetic of {@link BatchSizing}, from first principles. */
class BatchSizingTest {

    /** One vCPU at 50 M strategy-bars/s, 90 s timeout: a batch may take 30 s = 1.5 G strategy-bars. */
    private final BatchSizing lambda = new BatchSizing(5.0e7, 1769, Duration.ofSeconds(90));

    @Test
    void thePlanningThroughputIsAThirdOfTheBenchmarksPerCoreFigure() {
        // scripts/bench measures 150+ M strategy-bars/s per core; the planning figure keeps a factor of 3 in hand
        assertThat(BatchSizing.PLANNING_STRATEGY_BARS_PER_SECOND * 3).isEqualTo(1.5e8);
    }

    @Test
    void cpuFollowsMemory() {
        assertThat(lambda.vcpus()).isEqualTo(1.0);
        assertThat(new BatchSizing(5.0e7, 3538, Duration.ofSeconds(90)).vcpus()).isEqualTo(2.0);
        // 10,240 / 1,769 = 5.79: a little under the 6 vCPUs AWS gives at its most memory
        assertThat(new BatchSizing(5.0e7, 10240, Duration.ofSeconds(90)).vcpus())
                .isCloseTo(5.7886, within());
        assertThat(new BatchSizing(5.0e7, 884, Duration.ofSeconds(90)).vcpus()).isCloseTo(0.4997, within());
    }

    @Test
    void theLargestFittingBatchIsTheBudgetOverTheBars() {
        assertThat(lambda.budgetSeconds()).isEqualTo(30.0);
        // 1.5e9 / 300 bars = 5,000,000; / 2.6 M one-minute bars (5 years) = 576.9
        assertThat(lambda.largestFitting(300)).isEqualTo(5_000_000);
        assertThat(lambda.largestFitting(2_600_000)).isEqualTo(576);
        assertThat(lambda.seconds(576, 2_600_000)).isCloseTo(29.952, within());
    }

    @Test
    void leftOutTheSizeIsTwoBatchesPerEvaluatorWithinTheLimits() {
        // the scale runs: 1,000,000 over 300 bars on 100 evaluators -> 5,000 per batch, 200 batches
        assertThat(lambda.size(null, 1_000_000, 100, 300)).isEqualTo(5_000);
        // on 10,000 evaluators the spread would be 50, and 1,000,000 / 100,000 batches needs 10: 50
        assertThat(lambda.size(null, 1_000_000, 10_000, 300)).isEqualTo(50);
        // the cloud default: 256 on 100 evaluators -> 2 per batch
        assertThat(lambda.size(null, 256, 100, 2_100)).isEqualTo(2);
        // never below ceil(population / 100,000): a spread of 1 per batch would be 1,000,000 batches
        assertThat(lambda.size(null, 1_000_000, 1_000_000, 300)).isEqualTo(10);
        // capped by the time budget: 576 fit at 2.6 M bars although 1,000,000 / (2 x 100) = 5,000 were wanted
        assertThat(lambda.size(null, 1_000_000, 100, 2_600_000)).isEqualTo(576);
        // and by the most strategies per invocation
        assertThat(lambda.size(null, 1_000_000, 1, 300)).isEqualTo(10_000);
    }

    @Test
    void aRequestedSizeIsKeptWhenItFitsAndRefusedWhenItDoesNot() {
        assertThat(lambda.size(2, 20_000, 100, 300)).isEqualTo(2);
        assertThat(lambda.size(576, 1_000, 100, 2_600_000)).isEqualTo(576);
        assertThatThrownBy(() -> lambda.size(577, 1_000, 100, 2_600_000))
                .isInstanceOf(BatchDoesNotFitException.class)
                .hasMessageContaining("batchSize 577 over 2,600,000 bars per strategy needs about 30 s per batch")
                .hasMessageContaining("use batchSize <= 576");
    }

    @Test
    void aStrategyLongerThanTheBudgetIsRefusedWhateverTheSize() {
        // 2 G bars: one strategy alone needs 40 s of the 30
        assertThatThrownBy(() -> lambda.size(null, 100, 10, 2_000_000_000L))
                .isInstanceOf(BatchDoesNotFitException.class)
                .hasMessageContaining("even one strategy would take 40 s");
        assertThatThrownBy(() -> lambda.size(1, 100, 10, 2_000_000_000L))
                .isInstanceOf(BatchDoesNotFitException.class)
                .hasMessageContaining("even one strategy would take 40 s");
    }

    @Test
    void aPopulationThatNeedsMoreThanTheMostBatchesIsRefused() {
        // 1,000,000 strategies in at most 100,000 batches need 10 per batch; at 1 G bars only 1 fits in 30 s
        assertThatThrownBy(() -> lambda.size(null, 1_000_000, 100, 1_000_000_000L))
                .isInstanceOf(BatchDoesNotFitException.class)
                .hasMessageContaining("do not fit in 100,000 batches");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-3);
    }
}
