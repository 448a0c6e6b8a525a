package dev.phylo.engine.strategy;

import dev.phylo.engine.indicator.IndicatorKind;
import dev.phylo.engine.indicator.IndicatorSpec;
import java.util.Locale;

/**
 * One side of a condition: a price field, an indicator output, or a constant. A shift reads the value that many bars
 * ago: {@code highest(20)[1]} is the upper Donchian channel of the previous bar.
 */
public sealed interface Operand {
    /** Largest shift accepted. */
    int MAX_SHIFT = 1_000;

    /** Canonical text, e.g. {@code close}, {@code bollinger(20,2).upper[1]}, {@code 30}. */
    String text();

    /** Bars of history needed beyond the current one. */
    default int shift() {
        return 0;
    }

    /** {@code open}, {@code high}, {@code low}, {@code close} or {@code volume} of the current (or a past) bar. */
    record Price(PriceField field, int shift) implements Operand {
        public Price {
            checkShift(shift);
        }

        @Override
        public String text() {
            return field.name().toLowerCase(Locale.ROOT) + suffix(shift);
        }
    }

    /** Output {@code output} (index into {@link IndicatorKind#outputs()}) of an indicator. */
    record Indicator(IndicatorSpec spec, int output, int shift) implements Operand {
        public Indicator {
            if (output < 0 || output >= spec.kind().outputs().size()) {
                throw new IllegalArgumentException("%s has no output #%d".formatted(spec, output));
            }
            checkShift(shift);
        }

        @Override
        public String text() {
            String out = output == 0 ? "" : "." + spec.kind().outputs().get(output);
            return spec + out + suffix(shift);
        }
    }

    /** A fixed threshold such as {@code 30}. */
    record Constant(double value) implements Operand {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("constant must be finite: " + value);
            }
            // -0 is written "0": the same threshold, and one value, so that a spec equals its parsed canonical form
            value += 0.0;
        }

        @Override
        public String text() {
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }

    enum PriceField {
        OPEN,
        HIGH,
        LOW,
        CLOSE,
        VOLUME
    }

    private static void checkShift(int shift) {
        if (shift < 0 || shift > MAX_SHIFT) {
            throw new IllegalArgumentException("shift must be in [0, %d]: %d".formatted(MAX_SHIFT, shift));
        }
    }

    private static String suffix(int shift) {
        return shift == 0 ? "" : "[" + shift + "]";
    }
}
