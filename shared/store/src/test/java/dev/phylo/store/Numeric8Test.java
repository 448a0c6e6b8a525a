package dev.phylo.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** numeric(20,8) rounds the decimal text to 8 places, half away from zero (PostgreSQL's numeric rounding). */
class Numeric8Test {

    @Test
    void valuesWithAtMostEightDecimalsComeBackUnchanged() {
        for (double x : new double[] {100.25, 0.1, 1e-8, 123456.12345678, 12345678901.0, -3.5, 0.0}) {
            assertThat(Numeric8.round(x)).as("%s", x).isEqualTo(x);
        }
    }

    @Test
    void moreDecimalsRoundHalfAwayFromZero() {
        assertThat(Numeric8.round(1.123456789)).isEqualTo(1.12345679);
        assertThat(Numeric8.round(0.000000015)).isEqualTo(0.00000002);
        assertThat(Numeric8.round(-0.000000015)).isEqualTo(-0.00000002);
        assertThat(Numeric8.round(0.000000014999)).isEqualTo(0.00000001);
        assertThat(Numeric8.round(98765432.123456789)).isEqualTo(98765432.12345679);
        assertThat(Numeric8.round(12345678901.5)).isEqualTo(12345678901.5);
    }
}
