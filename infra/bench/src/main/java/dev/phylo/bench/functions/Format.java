package dev.phylo.bench.functions;

import java.util.Locale;

/** Number formatting for the summary: the root locale, so the output reads the same on every machine. */
final class Format {

    private Format() {}

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** About three significant digits: {@code 12.3 s}, {@code 4.12 s}, {@code 315.2 ms}, {@code 8.41 ms}. */
    static String seconds(double s) {
        if (s >= 10) {
            return f("%.1f s", s);
        }
        if (s >= 1) {
            return f("%.2f s", s);
        }
        if (s >= 0.01) {
            return f("%.1f ms", s * 1e3);
        }
        return f("%.2f ms", s * 1e3);
    }

    static String count(double n) {
        return f("%,.0f", n);
    }

    static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
