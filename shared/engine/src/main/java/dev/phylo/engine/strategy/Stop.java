package dev.phylo.engine.strategy;

import dev.phylo.engine.indicator.IndicatorKind;
import dev.phylo.engine.indicator.IndicatorSpec;

/**
 * A price distance: a percentage, or a multiple of ATR(period) at the bar whose close signalled the entry (fixed for
 * the trade). A percent stop-loss or take-profit is measured from the entry fill; a percent trailing stop from the
 * best price since entry (highest high for a long, lowest low for a short); an ATR trailing stop keeps its entry-time
 * distance from that best price.
 */
public record Stop(Kind kind, double value, int atrPeriod) {
    public enum Kind {
        PERCENT,
        ATR
    }

    public Stop {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("stop distance must be a positive number: " + value);
        }
        if (kind == Kind.PERCENT && value >= 100) {
            throw new IllegalArgumentException("percent stop must be below 100: " + value);
        }
        if (kind == Kind.ATR && (atrPeriod < 1 || atrPeriod > IndicatorSpec.MAX_PERIOD)) {
            throw new IllegalArgumentException(
                    "ATR stop period must be in [1, %d]: %d".formatted(IndicatorSpec.MAX_PERIOD, atrPeriod));
        }
    }

    public static Stop percent(double percent) {
        return new Stop(Kind.PERCENT, percent, 0);
    }

    public static Stop atr(int period, double multiple) {
        return new Stop(Kind.ATR, multiple, period);
    }

    /** The ATR this stop reads, or null for a percent stop. */
    public IndicatorSpec atrSpec() {
        return kind == Kind.ATR ? IndicatorSpec.of(IndicatorKind.ATR, atrPeriod) : null;
    }
}
