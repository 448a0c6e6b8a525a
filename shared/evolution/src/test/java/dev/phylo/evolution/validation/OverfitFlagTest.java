package dev.phylo.evolution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.evolution.validation.OverfitFlag.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverfitFlagTest {

    @Test
    void significantAndPersistentIsNotFlagged() {
        OverfitFlag flag = OverfitFlag.of(0.97, 1.8, 1.2);

        assertThat(flag.overfit()).isFalse();
        assertThat(flag.reasons()).isEmpty();
    }

    @Test
    void lowOrUndefinedDeflatedSharpeIsFlagged() {
        assertThat(OverfitFlag.of(0.9499, 1.8, 1.2).reasons()).containsExactly(Reason.LOW_DEFLATED_SHARPE);
        assertThat(OverfitFlag.of(null, 1.8, 1.2).reasons()).containsExactly(Reason.LOW_DEFLATED_SHARPE);
        assertThat(OverfitFlag.of(0.95, 1.8, 1.2).overfit()).isFalse();
    }

    @Test
    void aSharpeRatioThatTurnsNegativeOutOfSampleIsFlaggedForBothDecayRules() {
        OverfitFlag flag = OverfitFlag.of(0.99, 1.5, -0.2);

        assertThat(flag.overfit()).isTrue();
        assertThat(flag.reasons()).containsExactly(Reason.OUT_OF_SAMPLE_NOT_POSITIVE, Reason.OUT_OF_SAMPLE_BELOW_HALF);
        assertThat(OverfitFlag.of(0.99, 1.5, 0.0).reasons()).contains(Reason.OUT_OF_SAMPLE_NOT_POSITIVE);
        assertThat(OverfitFlag.of(0.99, 1.5, null).reasons()).containsExactly(Reason.OUT_OF_SAMPLE_NOT_POSITIVE);
    }

    @Test
    void decayBelowHalfIsFlagged() {
        assertThat(OverfitFlag.of(0.99, 2.0, 0.99).reasons()).containsExactly(Reason.OUT_OF_SAMPLE_BELOW_HALF);
        assertThat(OverfitFlag.of(0.99, 2.0, 1.0).overfit()).isFalse();
    }

    @Test
    void everyReasonAtOnce() {
        assertThat(OverfitFlag.of(0.2, 0.9, -0.5).reasons())
                .containsExactly(
                        Reason.LOW_DEFLATED_SHARPE, Reason.OUT_OF_SAMPLE_NOT_POSITIVE, Reason.OUT_OF_SAMPLE_BELOW_HALF);
    }

    @Test
    void decayRulesNeedAPositiveInSampleSharpe() {
        assertThat(OverfitFlag.of(0.99, -0.5, -2.0).reasons()).isEmpty();
        assertThat(OverfitFlag.of(0.99, null, null).reasons()).isEmpty();
    }

    @Test
    void theFlagAgreesWithItsReasons() {
        assertThatThrownBy(() -> new OverfitFlag(true, List.of())).hasMessageContaining("exactly when");
        assertThatThrownBy(() -> new OverfitFlag(false, List.of(Reason.LOW_DEFLATED_SHARPE)))
                .hasMessageContaining("exactly when");
    }
}
