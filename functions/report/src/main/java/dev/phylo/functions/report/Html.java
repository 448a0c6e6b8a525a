package dev.phylo.functions.report;

import java.util.Locale;

/** Text and number formatting for the report page: escaped, locale-independent, deterministic. */
final class Html {

    private Html() {}

    /** Escapes text for HTML and SVG content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coordinate: one decimal. */
    static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** {@code decimals} fixed decimals, or an en dash for an undefined value. */
    static String fixed(Double v, int decimals) {
        return v == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A fraction as a percentage with {@code decimals} decimals ({@code 0.1234} → {@code 12.3%}). */
    static String percent(Double v, int decimals) {
        return v == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * v);
    }

    /** Thousands separated, e.g. {@code 12,870}. */
    static String grouped(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
