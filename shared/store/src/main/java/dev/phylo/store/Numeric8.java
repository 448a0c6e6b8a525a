package dev.phylo.store;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Doubles as {@code numeric(20,8)} keeps them: see {@link MarketDataRepository#asStored}. */
final class Numeric8 {

    private static final double SCALE = 1e8;
    /** Below this, x * 1e8 is an exact integer candidate (2^53 / 1e8). */
    private static final double FAST_LIMIT = 9.0e7;

    private Numeric8() {}

    static double[] round(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = round(values[i]);
        }
        return out;
    }

    /**
     * The double PostgreSQL returns for {@code Double.toString(x)::numeric(20,8)::float8}. When some decimal with at
     * most 8 places already rounds to x, that decimal (or a shorter one) is x's shortest representation, nothing is
     * rounded away and x comes back unchanged; that is the common case and costs one multiply and one divide.
     */
    static double round(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return x;
        }
        if (Math.abs(x) < FAST_LIMIT && Math.rint(x * SCALE) / SCALE == x) {
            return x;
        }
        return new BigDecimal(Double.toString(x))
                .setScale(8, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
