package dev.phylo.efs.internal;

import dev.phylo.efs.PathSegments;
import dev.phylo.engine.data.BarInterval;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Validation shared by the public records. Every failure is an {@link IllegalArgumentException} naming the value. */
public final class Checks {
    /** Largest generation number: names are zero-padded to 4 digits ({@code gen-0003}). */
    public static final int MAX_GENERATION = 9_999;
    /** Largest batch number: names are zero-padded to 5 digits ({@code batch-00042.json}). */
    public static final int MAX_BATCH = 99_999;

    private static final Pattern RUN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

    private Checks() {}

    /** Whether {@code name} is a valid run id (and so a run folder's name). */
    public static boolean isRunId(String name) {
        return name != null && RUN_ID.matcher(name).matches();
    }

    public static String runId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException(
                    "bad runId %s: expected [a-z0-9][a-z0-9-]{0,62}".formatted(quoted(runId)));
        }
        return runId;
    }

    public static int generation(int generation) {
        if (generation < 0 || generation > MAX_GENERATION) {
            throw new IllegalArgumentException(
                    "generation out of range: %d (expected 0..%d)".formatted(generation, MAX_GENERATION));
        }
        return generation;
    }

    public static int batch(int batch) {
        if (batch < 0 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("batch out of range: %d (expected 0..%d)".formatted(batch, MAX_BATCH));
        }
        return batch;
    }

    /** A 32-character lower-case hex id (a strategy id or a snapshot id). */
    public static String hex32(String what, String id) {
        if (id == null || !HEX32.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "bad %s %s: expected 32 lower-case hex characters".formatted(what, quoted(id)));
        }
        return id;
    }

    /** A symbol that can become a path component (see {@link PathSegments}). */
    public static String symbol(String symbol) {
        try {
            PathSegments.encode(symbol);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad symbol " + quoted(symbol) + ": " + e.getMessage(), e);
        }
        return symbol;
    }

    /** An interval label in canonical form ({@code 5m}, {@code 1d}): what {@link BarInterval#toString()} gives. */
    public static String interval(String interval) {
        BarInterval parsed = BarInterval.parse(interval);
        if (!parsed.toString().equals(interval)) {
            throw new IllegalArgumentException(
                    "interval label not canonical: \"%s\" (expected \"%s\")".formatted(interval, parsed));
        }
        return interval;
    }

    public static String nonBlank(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank: " + quoted(value));
        }
        return value;
    }

    public static double finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite: " + value);
        }
        return value;
    }

    /** A nullable value: null (undefined) is fine, NaN or infinity is not. */
    public static Double finiteOrNull(String what, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite or null: " + value);
        }
        return value;
    }

    public static double[] finite(String what, double[] values) {
        Objects.requireNonNull(values, what);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("%s[%d] must be finite: %s".formatted(what, i, values[i]));
            }
        }
        return values;
    }

    /** An immutable copy without null elements. */
    public static <T> List<T> list(String what, List<T> values) {
        Objects.requireNonNull(values, what);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException("%s[%d] must not be null".formatted(what, i));
            }
        }
        return List.copyOf(values);
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
