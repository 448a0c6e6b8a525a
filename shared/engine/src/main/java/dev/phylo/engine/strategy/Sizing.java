package dev.phylo.engine.strategy;

/**
 * Position size: a fraction of current equity (fractional quantities allowed), or a fixed number of units.
 */
public record Sizing(double fractionOfEquity, double units) {
    public Sizing {
        boolean byFraction = fractionOfEquity > 0;
        boolean byUnits = units > 0;
        if (byFraction == byUnits) {
            throw new IllegalArgumentException("sizing needs exactly one of fractionOfEquity or units > 0");
        }
        if (byFraction && (fractionOfEquity > 1 || !Double.isFinite(fractionOfEquity))) {
            throw new IllegalArgumentException("fractionOfEquity must be in (0, 1]: " + fractionOfEquity);
        }
        if (byUnits && !Double.isFinite(units)) {
            throw new IllegalArgumentException("units must be finite: " + units);
        }
    }

    public static Sizing fraction(double f) {
        return new Sizing(f, 0);
    }

    public static Sizing units(double u) {
        return new Sizing(0, u);
    }

    public static final Sizing ALL_IN = fraction(1.0);
}
