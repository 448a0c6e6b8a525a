package dev.phylo.engine.strategy;

/**
 * How a condition compares its two operands at a bar's close.
 *
 * <p>A cross follows backtrader's CrossOver: {@code a crosses above b} at bar t when {@code a > b} at t and the last
 * non-zero difference {@code a - b} before t was negative, so touching and leaving again is not a cross. An
 * undefined operand is never a cross and never true.
 */
public enum Comparison {
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<="),
    CROSSES_ABOVE("crosses above"),
    CROSSES_BELOW("crosses below");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isCross() {
        return this == CROSSES_ABOVE || this == CROSSES_BELOW;
    }

    public static Comparison bySymbol(String text) {
        String norm = text.trim().replaceAll("\\s+", " ");
        for (Comparison c : values()) {
            if (c.symbol.equals(norm)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown comparison '" + text + "'; use one of >, >=, <, <=, crosses above, crosses below");
    }
}
