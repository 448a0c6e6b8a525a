package dev.phylo.engine.data;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the bar fields sit in a CSV file, decided from its first record and an optional
 * {@link ColumnMapping}. Column numbers are 0-based; {@code -1} means absent.
 */
final class CsvLayout {
    private static final List<String> TIME_HEADERS =
            List.of("datetime", "date_time", "timestamp", "date", "time", "open time", "open_time");
    private static final String[] POSITIONAL = {"time", "open", "high", "low", "close", "volume"};
    private static final String MAPPING_HINT = "give a ColumnMapping "
            + "(--columns time=...,open=...,high=...,low=...,close=...[,volume=...]; names or 0-based indexes)";

    final boolean hasHeader;
    /** Fields per row; −1 when the first data row sets it (an index mapping over a header that may not match it). */
    final int columns;

    final String columnsOrigin;
    final int date;
    final int time;
    final int open;
    final int high;
    final int low;
    final int close;
    final int volume;
    private final String[] names;

    private CsvLayout(
            boolean hasHeader,
            long firstLine,
            String[] names,
            int date,
            int time,
            int open,
            int high,
            int low,
            int close,
            int volume,
            boolean columnsFromData) {
        this.hasHeader = hasHeader;
        this.columns = columnsFromData ? -1 : names.length;
        this.columnsOrigin = hasHeader ? "as in the header" : "as in line " + firstLine;
        this.names = names.clone();
        this.date = date;
        this.time = time;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        if (this.names[time].isEmpty()) this.names[time] = "time";
        if (date >= 0 && this.names[date].isEmpty()) this.names[date] = "date";
        for (int i = 0; i < this.names.length; i++) {
            if (this.names[i].isEmpty()) this.names[i] = "column " + (i + 1);
        }
    }

    /** The field name used in messages: the header text, or a role or position when there is none. */
    String name(int column) {
        return names[column];
    }

    /** The field name of the timestamp as a whole: {@code Date/Time} when it is split over two columns. */
    String timestampName() {
        return date >= 0 ? names[date] + "/" + names[time] : names[time];
    }

    static CsvLayout detect(String source, CsvRecord first, ColumnMapping mapping, TimestampParser probe) {
        String[] cells = cells(first);
        if (mapping != null) {
            return mapped(source, first.getStartingLineNumber(), cells, mapping);
        }
        if (looksLikeTimestamp(cells[0], probe)) {
            return positional(source, first.getStartingLineNumber(), cells);
        }
        return fromHeader(source, first.getStartingLineNumber(), cells);
    }

    private static CsvLayout fromHeader(String source, long line, String[] header) {
        String[] lower = new String[header.length];
        for (int i = 0; i < header.length; i++) lower[i] = header[i].toLowerCase(Locale.ROOT);
        int date = -1;
        int time = -1;
        int dateCol = indexOf(lower, "date");
        int timeCol = indexOf(lower, "time");
        if (dateCol >= 0 && timeCol >= 0) {
            date = dateCol;
            time = timeCol;
        } else {
            for (String candidate : TIME_HEADERS) {
                time = indexOf(lower, candidate);
                if (time >= 0) break;
            }
            if (time < 0 && lower[0].isEmpty()) time = 0;
        }
        int open = indexOf(lower, "open");
        int high = indexOf(lower, "high");
        int low = indexOf(lower, "low");
        int close = indexOf(lower, "close");
        int volume = indexOf(lower, "volume");
        if (volume < 0) volume = indexOf(lower, "vol");
        List<String> missing = new ArrayList<>();
        if (time < 0) missing.add("a time column (Date, Datetime, Timestamp or Time)");
        if (open < 0) missing.add("Open");
        if (high < 0) missing.add("High");
        if (low < 0) missing.add("Low");
        if (close < 0) missing.add("Close");
        if (!missing.isEmpty()) {
            throw failure(
                    source,
                    line,
                    "unrecognised column layout: headers seen %s; missing %s; %s"
                            .formatted(List.of(header), String.join(", ", missing), MAPPING_HINT));
        }
        return new CsvLayout(true, line, header, date, time, open, high, low, close, volume, false);
    }

    private static CsvLayout positional(String source, long line, String[] cells) {
        if (cells.length < 5) {
            throw failure(
                    source,
                    line,
                    ("line %d starts with a timestamp, so the file has no header, but it has %d "
                                    + "columns where time, open, high, low, close[, volume] are needed; %s")
                            .formatted(line, cells.length, MAPPING_HINT));
        }
        String[] names = new String[cells.length];
        for (int i = 0; i < names.length; i++) names[i] = i < POSITIONAL.length ? POSITIONAL[i] : "";
        return new CsvLayout(false, line, names, -1, 0, 1, 2, 3, 4, cells.length > 5 ? 5 : -1, false);
    }

    private static CsvLayout mapped(String source, long line, String[] cells, ColumnMapping mapping) {
        boolean hasHeader =
                mapping.usesNames() || !startsWithData(cells, mapping.close().index());
        // An index mapping over a header: the header is skipped and the rows say how many fields they have, since a
        // header may name fewer columns than its rows carry (a Date header over rows with a separate time field)
        boolean byIndexOverHeader = hasHeader && !mapping.usesNames();
        String[] names = hasHeader && !byIndexOverHeader
                ? cells
                : new String[byIndexOverHeader ? Math.max(cells.length, maxIndex(mapping) + 1) : cells.length];
        if (!hasHeader || byIndexOverHeader) {
            Arrays.fill(names, "");
        }
        String[] bounds = byIndexOverHeader ? names : cells;
        boolean split = mapping.date() != null && mapping.time() != null;
        int date = split ? resolve(source, line, bounds, hasHeader, mapping.date()) : -1;
        int time = resolve(source, line, bounds, hasHeader, mapping.time() != null ? mapping.time() : mapping.date());
        int open = resolve(source, line, bounds, hasHeader, mapping.open());
        int high = resolve(source, line, bounds, hasHeader, mapping.high());
        int low = resolve(source, line, bounds, hasHeader, mapping.low());
        int close = resolve(source, line, bounds, hasHeader, mapping.close());
        int volume = mapping.volume() == null ? -1 : resolve(source, line, bounds, hasHeader, mapping.volume());
        if (!hasHeader || byIndexOverHeader) {
            label(names, open, "open");
            label(names, high, "high");
            label(names, low, "low");
            label(names, close, "close");
            label(names, time, "time");
            if (date >= 0) label(names, date, "date");
            if (volume >= 0) label(names, volume, "volume");
        }
        return new CsvLayout(hasHeader, line, names, date, time, open, high, low, close, volume, byIndexOverHeader);
    }

    /** The largest column index an index-only mapping names. */
    private static int maxIndex(ColumnMapping mapping) {
        int max = -1;
        for (ColumnMapping.Column c : new ColumnMapping.Column[] {
            mapping.date(),
            mapping.time(),
            mapping.open(),
            mapping.high(),
            mapping.low(),
            mapping.close(),
            mapping.volume()
        }) {
            if (c != null) {
                max = Math.max(max, c.index());
            }
        }
        return max;
    }

    /** The largest column index this layout reads. */
    int maxColumn() {
        return Math.max(Math.max(Math.max(date, time), Math.max(open, high)), Math.max(Math.max(low, close), volume));
    }

    private static int resolve(String source, long line, String[] cells, boolean hasHeader, ColumnMapping.Column c) {
        if (c.name() != null) {
            int found = indexOf(cells, c.name().trim(), true);
            if (found < 0) {
                throw failure(
                        source,
                        line,
                        "column '%s' of the column mapping is not in the header %s"
                                .formatted(c.name(), List.of(cells)));
            }
            return found;
        }
        if (c.index() >= cells.length) {
            throw failure(
                    source,
                    line,
                    "column index %d of the column mapping is beyond the %d columns of %s"
                            .formatted(c.index(), cells.length, hasHeader ? "the header" : "line " + line));
        }
        return c.index();
    }

    /** With an index-only mapping, the first line is data when its close cell is a number. */
    private static boolean startsWithData(String[] cells, int closeIndex) {
        return closeIndex < cells.length && Decimals.isPlainDecimal(cells[closeIndex]);
    }

    private static void label(String[] names, int column, String role) {
        names[column] = names[column].isEmpty() ? role : names[column] + "/" + role;
    }

    private static boolean looksLikeTimestamp(String cell, TimestampParser probe) {
        if (cell.isEmpty()) return false;
        try {
            probe.parse(cell);
            return true;
        } catch (BadValue notATimestamp) {
            return false;
        }
    }

    private static String[] cells(CsvRecord first) {
        String[] cells = new String[first.getFieldCount()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = first.getField(i).strip();
        }
        return cells;
    }

    private static int indexOf(String[] cells, String wanted) {
        return indexOf(cells, wanted, false);
    }

    private static int indexOf(String[] cells, String wanted, boolean ignoreCase) {
        for (int i = 0; i < cells.length; i++) {
            if (ignoreCase ? cells[i].equalsIgnoreCase(wanted) : cells[i].equals(wanted)) return i;
        }
        return -1;
    }

    private static CsvFormatException failure(String source, long line, String reason) {
        return new CsvFormatException(new RowIssue(source, line, null, reason));
    }
}
