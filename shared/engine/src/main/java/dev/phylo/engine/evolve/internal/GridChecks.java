package dev.phylo.engine.evolve.internal;

import dev.phylo.engine.indicator.IndicatorSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Validation shared by the search-space records. Every message names the field and the offending value. */
public final class GridChecks {
    private GridChecks() {}

    /** A non-empty list of distinct periods, each in {@code [min, IndicatorSpec.MAX_PERIOD]}. */
    public static List<Integer> periods(List<Integer> values, int min, String field) {
        List<Integer> list = distinct(values, field);
        for (int p : list) {
            if (p < min || p > IndicatorSpec.MAX_PERIOD) {
                throw new IllegalArgumentException("%s must be whole numbers in [%d, %d]: %d in %s"
                        .formatted(field, min, IndicatorSpec.MAX_PERIOD, p, list));
            }
        }
        return list;
    }

    /** A non-empty list of distinct finite numbers, each in the open interval {@code (lo, hi)}; -0 becomes 0. */
    public static List<Double> levels(List<Double> values, double lo, double hi, String field) {
        List<Double> list = distinct(
                values == null
                        ? null
                        : values.stream().map(v -> v == null ? null : v + 0.0).toList(),
                field); // + 0.0 turns -0.0 into 0.0, so equal text means equal value
        for (double v : list) {
            if (!(v > lo && v < hi)) {
                throw new IllegalArgumentException(
                        "%s must lie in (%s, %s): %s in %s".formatted(field, lo, hi, v, list));
            }
        }
        return list;
    }

    /** A list that may be empty, of distinct finite numbers in {@code (lo, hi)}. */
    public static List<Double> optionalLevels(List<Double> values, double lo, double hi, String field) {
        Objects.requireNonNull(values, field);
        return values.isEmpty() ? List.of() : levels(values, lo, hi, field);
    }

    /** Fails unless {@code values} is strictly ascending. */
    public static <T extends Comparable<T>> void ascending(List<T> values, String field) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i).compareTo(values.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("%s must be strictly ascending: %s".formatted(field, values));
            }
        }
    }

    /** Fails unless every value of {@code low} is below every value of {@code high}. */
    public static void below(
            List<? extends Number> low, String lowField, List<? extends Number> high, String highField) {
        double maxLow = low.stream().mapToDouble(Number::doubleValue).max().orElseThrow();
        double minHigh = high.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
        if (maxLow >= minHigh) {
            throw new IllegalArgumentException("every %s must be below every %s: %s >= %s (%s vs %s)"
                    .formatted(lowField, highField, num(maxLow), num(minHigh), low, high));
        }
    }

    /** A probability in {@code [0, 1]}. */
    public static double unit(double p, String field) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("%s must be in [0, 1]: %s".formatted(field, p));
        }
        return p;
    }

    private static <T> List<T> distinct(List<T> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + " needs at least one value");
        }
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(field + " contains null: " + values);
            }
            if (v instanceof Double d && !Double.isFinite(d)) {
                throw new IllegalArgumentException("%s must be finite: %s in %s".formatted(field, d, values));
            }
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException(field + " has duplicate values: " + values);
        }
        return List.copyOf(values);
    }

    /** Number text as conditions write it: {@code 30}, {@code 2.5}, {@code -0.5}. */
    public static String num(double v) {
        double x = v + 0.0; // turns -0.0 into 0.0
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
