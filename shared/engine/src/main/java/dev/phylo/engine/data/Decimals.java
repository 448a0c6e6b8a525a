package dev.phylo.engine.data;

/**
 * Parses plain decimal numbers: optional sign, digits, optional fraction, optional exponent
 * ({@code -12}, {@code 0.5}, {@code .5}, {@code 3.}, {@code 1.5e-05}), with surrounding blanks.
 *
 * <p>{@link Double#parseDouble} alone would also take {@code NaN}, {@code Infinity}, hexadecimal
 * ({@code 0x1p3}) and type suffixes ({@code 1.0d}, {@code 1f}); a character scan rejects those first.
 */
final class Decimals {
    private Decimals() {}

    static double parse(String text) throws BadValue {
        int end = text.length();
        int i = 0;
        while (i < end && isBlank(text.charAt(i))) i++;
        while (end > i && isBlank(text.charAt(end - 1))) end--;
        if (i == end) {
            throw new BadValue("empty value, expected a number");
        }
        if (!isPlainDecimal(text, i, end)) {
            throw new BadValue("'%s' is not a plain decimal number".formatted(text.substring(i, end)));
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new BadValue("'%s' is too large for a double".formatted(text.substring(i, end)));
        }
        return value;
    }

    /** True when {@code text} (after trimming blanks) is a plain decimal number. */
    static boolean isPlainDecimal(String text) {
        int end = text.length();
        int i = 0;
        while (i < end && isBlank(text.charAt(i))) i++;
        while (end > i && isBlank(text.charAt(end - 1))) end--;
        return isPlainDecimal(text, i, end);
    }

    private static boolean isPlainDecimal(CharSequence s, int i, int end) {
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = 0;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < end && s.charAt(i) == '.') {
            i++;
            while (i < end && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) return false;
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < end && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) return false;
        }
        return i == end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
