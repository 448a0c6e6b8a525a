package dev.phylo.engine.indicator;

import java.util.Arrays;
import java.util.Objects;

/**
 * One indicator with its parameters, e.g. {@code bollinger(20,2)}. Equal specs share one computation in a batch.
 */
public final class IndicatorSpec {
    /** Longest period accepted; keeps warm-up and ring buffers sane. */
    public static final int MAX_PERIOD = 10_000;

    private final IndicatorKind kind;
    private final double[] params;

    private IndicatorSpec(IndicatorKind kind, double[] params) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.params = params;
        validate();
    }

    /** A spec with the given parameters, in the order of {@link IndicatorKind#paramNames()}. */
    public static IndicatorSpec of(IndicatorKind kind, double... params) {
        if (params.length != kind.paramNames().size()) {
            throw new IllegalArgumentException("%s takes %d parameters %s, got %d"
                    .formatted(kind.id(), kind.paramNames().size(), kind.paramNames(), params.length));
        }
        return new IndicatorSpec(kind, params.clone());
    }

    private void validate() {
        for (int i = 0; i < params.length; i++) {
            String name = kind.paramNames().get(i);
            double v = params[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("%s %s must be finite: %s".formatted(kind.id(), name, v));
            }
            if (name.equals("devfactor")) {
                if (v <= 0) {
                    throw new IllegalArgumentException("%s devfactor must be > 0: %s".formatted(kind.id(), v));
                }
            } else if (v != Math.rint(v) || v < 1 || v > MAX_PERIOD) {
                throw new IllegalArgumentException("%s %s must be a whole number in [1, %d]: %s"
                        .formatted(kind.id(), name, MAX_PERIOD, format(v)));
            }
        }
        if (kind == IndicatorKind.MACD && params[0] >= params[1]) {
            throw new IllegalArgumentException(
                    "macd fast must be below slow: %s >= %s".formatted(format(params[0]), format(params[1])));
        }
        if ((kind == IndicatorKind.ZSCORE || kind == IndicatorKind.BOLLINGER) && params[0] < 2) {
            throw new IllegalArgumentException(
                    "%s period must be at least 2: %s".formatted(kind.id(), format(params[0])));
        }
    }

    public IndicatorKind kind() {
        return kind;
    }

    public double param(int i) {
        return params[i];
    }

    public int intParam(int i) {
        return (int) params[i];
    }

    /**
     * Number of leading bars at which output {@code output} is undefined. The first defined value is at this
     * 0-based bar index.
     */
    public int warmup(int output) {
        int p = intParam(0);
        return switch (kind) {
            case SMA, EMA, WMA, BOLLINGER, HIGHEST, LOWEST, ZSCORE -> p - 1;
            case RSI, ATR, ROC -> p;
            case MACD -> output == 0 ? intParam(1) - 1 : intParam(1) + intParam(2) - 2;
            case STOCH -> output == 0 ? p + intParam(1) - 2 : p + intParam(1) + intParam(2) - 3;
        };
    }

    /** Longest warm-up over all outputs. */
    public int warmup() {
        int w = 0;
        for (int i = 0; i < kind.outputs().size(); i++) {
            w = Math.max(w, warmup(i));
        }
        return w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorSpec other && kind == other.kind && Arrays.equals(params, other.params);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(params);
    }

    /** Canonical text, e.g. {@code bollinger(20,2)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.id()).append('(');
        for (int i = 0; i < params.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(format(params[i]));
        }
        return sb.append(')').toString();
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
