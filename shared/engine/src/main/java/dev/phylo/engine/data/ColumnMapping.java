package dev.phylo.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which CSV columns hold the bar fields, for files whose layout is not detected on its own.
 *
 * <p>Columns are given by header name (case-insensitive, surrounding whitespace ignored) or by
 * 0-based index. The timestamp is either one column ({@code time}, or {@code date} alone) or a date
 * column plus a time-of-day column ({@code date} and {@code time} together). {@code volume} is
 * optional; without it every bar has volume 0. Two roles may share a column (for a close-only file:
 * {@code open=Price,high=Price,low=Price,close=Price}).
 *
 * <p>The textual form, parsed by {@link #parse(String)} and produced by {@link #toString()}, is what
 * the {@code --columns} option takes: {@code time=Date,open=Open,high=High,low=Low,close=Close,volume=Vol}
 * or {@code time=0,open=1,high=2,low=3,close=4}.
 */
public record ColumnMapping(
        Column date, Column time, Column open, Column high, Column low, Column close, Column volume) {
    private static final List<String> KEYS = List.of("date", "time", "open", "high", "low", "close", "volume");

    public ColumnMapping {
        List<String> missing = new ArrayList<>();
        if (date == null && time == null) missing.add("time (or date)");
        if (open == null) missing.add("open");
        if (high == null) missing.add("high");
        if (low == null) missing.add("low");
        if (close == null) missing.add("close");
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("column mapping lacks " + String.join(", ", missing)
                    + ": it needs time (or date, or date and time), open, high, low and close; volume is optional");
        }
    }

    /** Parses {@code key=column} pairs separated by commas; keys are date, time, open, high, low, close, volume. */
    public static ColumnMapping parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(
                    "empty column mapping: expected e.g. time=Date,open=Open,high=High,low=Low,close=Close");
        }
        Map<String, Column> byKey = new LinkedHashMap<>();
        for (String pair : spec.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "column mapping '%s': '%s' is not key=column".formatted(spec, pair.trim()));
            }
            String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = pair.substring(eq + 1).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("column mapping '%s': unknown key '%s', expected one of %s"
                        .formatted(spec, key, String.join(", ", KEYS)));
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("column mapping '%s': key '%s' has no column".formatted(spec, key));
            }
            if (byKey.put(key, Column.parse(value)) != null) {
                throw new IllegalArgumentException("column mapping '%s': key '%s' is given twice".formatted(spec, key));
            }
        }
        return new ColumnMapping(
                byKey.get("date"),
                byKey.get("time"),
                byKey.get("open"),
                byKey.get("high"),
                byKey.get("low"),
                byKey.get("close"),
                byKey.get("volume"));
    }

    /** True when any column is given by name, which means the file must start with a header. */
    public boolean usesNames() {
        for (Column c : columns()) {
            if (c != null && c.name() != null) return true;
        }
        return false;
    }

    private List<Column> columns() {
        List<Column> all = new ArrayList<>(7);
        all.add(date);
        all.add(time);
        all.add(open);
        all.add(high);
        all.add(low);
        all.add(close);
        all.add(volume);
        return all;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        List<Column> all = columns();
        for (int i = 0; i < KEYS.size(); i++) {
            if (all.get(i) != null) parts.add(KEYS.get(i) + "=" + all.get(i));
        }
        return String.join(",", parts);
    }

    /** A column given either by header name ({@code index == -1}) or by 0-based index ({@code name == null}). */
    public record Column(String name, int index) {
        public Column {
            if (name == null && index < 0) {
                throw new IllegalArgumentException("column index must be >= 0: " + index);
            }
            if (name != null && index != -1) {
                throw new IllegalArgumentException(
                        "a column has a name or an index, not both: '%s' and %d".formatted(name, index));
            }
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("column name must not be blank");
            }
        }

        public static Column named(String name) {
            return new Column(name, -1);
        }

        public static Column at(int index) {
            return new Column(null, index);
        }

        /** All digits: an index; anything else: a header name. */
        public static Column parse(String token) {
            String t = token.trim();
            if (!t.isEmpty() && t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                if (t.length() > 6) {
                    throw new IllegalArgumentException("column index out of range: " + t);
                }
                return at(Integer.parseInt(t));
            }
            return named(t);
        }

        @Override
        public String toString() {
            return name != null ? name : Integer.toString(index);
        }
    }
}
