package dev.phylo.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyntheticConfigTest {
    private final SyntheticConfig base = SyntheticConfig.defaults("SYN", BarInterval.ONE_DAY, 10, 1);

    @Test
    void defaultsStartAt100On2020_01_01() {
        assertThat(base.startPrice()).isEqualTo(100.0);
        assertThat(base.startMillis()).isEqualTo(1_577_836_800_000L);
        assertThat(base.gapFraction()).isZero();
    }

    @Test
    void rejectsGarchWeightsThatDoNotMeanRevert() {
        assertThatThrownBy(() -> new SyntheticConfig.Volatility(0.3, 0.1, 0.9, 5))
                .hasMessage("GARCH weights need alpha >= 0, beta >= 0 and alpha + beta < 1: 0.1 + 0.9");
    }

    @Test
    void rejectsTailsWithoutFiniteVariance() {
        assertThatThrownBy(() -> new SyntheticConfig.Volatility(0.3, 0.05, 0.9, 2))
                .hasMessage("tailDegrees must exceed 2 for a finite variance: 2.0");
    }

    @Test
    void rejectsNonPositiveVolatility() {
        assertThatThrownBy(() -> new SyntheticConfig.Volatility(0, 0.05, 0.9, 5))
                .hasMessage("annual volatility must be positive and finite: 0.0");
    }

    @Test
    void rejectsZeroBarsAndNonPositiveStartPrice() {
        assertThatThrownBy(() -> base.withBars(0, 1)).hasMessage("bars must be at least 1: 0");
        assertThatThrownBy(() -> base.withStart(0, -1)).hasMessage("startPrice must be positive and finite: -1.0");
    }

    @Test
    void rejectsRegimesThatNeverEnd() {
        assertThatThrownBy(() -> new SyntheticConfig.Regimes(0.1, -0.1, 0, 0))
                .hasMessage("meanDays must be positive and finite: 0.0");
    }

    @Test
    void rejectsOutOfRangeIntrabarSettings() {
        assertThatThrownBy(() -> base.withIntrabar(-1, 0)).hasMessage("subSteps must be in 0..64: -1");
        assertThatThrownBy(() -> base.withIntrabar(4, -0.1)).hasMessage("gapFraction must be >= 0 and finite: -0.1");
    }

    @Test
    void rejectsATimeRangeThatOverflows() {
        assertThatThrownBy(() -> base.withStart(Long.MAX_VALUE - 1000, 100))
                .hasMessageContaining("overflow the time range");
    }
}
