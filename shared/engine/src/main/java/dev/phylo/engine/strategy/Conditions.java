package dev.phylo.engine.strategy;

import dev.phylo.engine.indicator.IndicatorKind;
import dev.phylo.engine.indicator.IndicatorSpec;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the condition text of a strategy spec: {@code <operand> <comparison> <operand>}.
 *
 * <p>An operand is a price field ({@code open high low close volume}), a number, or an indicator
 * {@code name(params).output[shift]}: {@code sma(10)}, {@code bollinger(20,2).upper}, {@code highest(20)[1]},
 * {@code macd(12,26,9).signal}. Comparisons are {@code > >= < <= crosses above crosses below}.
 */
public final class Conditions {
    private static final Pattern CONDITION =
            Pattern.compile("^\\s*(.+?)\\s*(crosses\\s+above|crosses\\s+below|>=|<=|>|<)\\s*(.+?)\\s*$");
    private static final Pattern OPERAND =
            Pattern.compile("^([a-z]+)(?:\\(([^)]*)\\))?(?:\\.([a-z]+))?(?:\\[(\\d+)])?$");
    private static final Pattern NUMBER = Pattern.compile("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$");

    private Conditions() {}

    public static Rule.Condition parse(String text) {
        Matcher m = CONDITION.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "bad condition '%s': expected <operand> <comparison> <operand>, ".formatted(text)
                            + "e.g. \"sma(10) crosses above sma(30)\" or \"rsi(14) < 30\"");
        }
        try {
            return new Rule.Condition(operand(m.group(1)), Comparison.bySymbol(m.group(2)), operand(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad condition '%s': %s".formatted(text, e.getMessage()), e);
        }
    }

    public static Operand operand(String raw) {
        String text = raw.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (NUMBER.matcher(text).matches()) {
            return new Operand.Constant(Double.parseDouble(text));
        }
        Matcher m = OPERAND.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad operand '%s': expected a number, a price field or ".formatted(raw)
                    + "an indicator like sma(10), bollinger(20,2).upper or highest(20)[1]");
        }
        String name = m.group(1);
        int shift = m.group(4) == null ? 0 : parseShift(m.group(4), raw);
        for (Operand.PriceField f : Operand.PriceField.values()) {
            if (f.name().equalsIgnoreCase(name)) {
                if (m.group(2) != null || m.group(3) != null) {
                    throw new IllegalArgumentException(
                            "price field '%s' takes no parameters or output".formatted(name));
                }
                return new Operand.Price(f, shift);
            }
        }
        IndicatorKind kind = IndicatorKind.byId(name);
        if (m.group(2) == null) {
            throw new IllegalArgumentException("indicator '%s' needs its parameters %s, e.g. %s"
                    .formatted(name, kind.paramNames(), example(kind)));
        }
        String[] parts = m.group(2).isEmpty() ? new String[0] : m.group(2).split(",");
        double[] params = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!NUMBER.matcher(parts[i]).matches()) {
                throw new IllegalArgumentException("parameter '%s' of %s is not a number".formatted(parts[i], name));
            }
            params[i] = Double.parseDouble(parts[i]) + 0.0; // -0 is 0, as for constants
        }
        IndicatorSpec spec = IndicatorSpec.of(kind, params);
        int output = m.group(3) == null ? 0 : kind.outputIndex(m.group(3));
        return new Operand.Indicator(spec, output, shift);
    }

    private static int parseShift(String digits, String raw) {
        if (digits.length() > 4) {
            throw new IllegalArgumentException("shift too large in '%s' (max %d)".formatted(raw, Operand.MAX_SHIFT));
        }
        return Integer.parseInt(digits);
    }

    private static String example(IndicatorKind kind) {
        return switch (kind) {
            case BOLLINGER -> "bollinger(20,2)";
            case MACD -> "macd(12,26,9)";
            case STOCH -> "stoch(14,3,3)";
            default -> kind.id() + "(14)";
        };
    }
}
