package dev.phylo.engine.data;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Checks one CSV data row and appends its bar. Keeps the last accepted row, so that order and
 * duplicates are judged against it (in lenient mode, against the last row that was kept).
 */
final class RowDecoder {
    private final String source;
    private final CsvLayout layout;
    private final TimestampParser times;
    private final BarColumns bars;

    /** Fields a row must have, and what set that; from the first data row when the layout leaves it open. */
    private int columns;

    private String columnsOrigin;

    private long lastTime;
    private long lastLine;
    private CsvRecord lastRow;

    RowDecoder(String source, CsvLayout layout, TimestampParser times, BarColumns bars) {
        this.source = source;
        this.layout = layout;
        this.times = times;
        this.bars = bars;
    }

    /** Appends the row's bar and returns {@code null}, or returns why the row is rejected (nothing appended). */
    RowIssue accept(CsvRecord row) {
        long line = row.getStartingLineNumber();
        if (columnsOrigin == null) {
            columns = layout.columns >= 0 ? layout.columns : row.getFieldCount();
            columnsOrigin = layout.columns >= 0 ? layout.columnsOrigin : "as in line " + line + ", the first data row";
            if (layout.maxColumn() >= columns) {
                throw new CsvFormatException(new RowIssue(
                        source,
                        line,
                        null,
                        "column index %d of the column mapping is beyond the %d columns of line %d"
                                .formatted(layout.maxColumn(), columns, line)));
            }
        }
        if (row.getFieldCount() != columns) {
            return new RowIssue(
                    source,
                    line,
                    null,
                    "expected %d columns (%s), got %d".formatted(columns, columnsOrigin, row.getFieldCount()));
        }
        long t;
        int column = layout.date >= 0 ? layout.date : layout.time;
        try {
            if (layout.date >= 0) {
                long epochDay = times.parseDate(row.getField(layout.date));
                column = layout.time;
                t = times.parseTimeOfDay(epochDay, row.getField(layout.time));
            } else {
                t = times.parse(row.getField(layout.time));
            }
        } catch (BadValue e) {
            return issue(line, column, e.getMessage());
        }
        double o;
        double h;
        double l;
        double c;
        double v = 0;
        try {
            column = layout.open;
            o = Decimals.parse(row.getField(column));
            column = layout.high;
            h = Decimals.parse(row.getField(column));
            column = layout.low;
            l = Decimals.parse(row.getField(column));
            column = layout.close;
            c = Decimals.parse(row.getField(column));
            if (layout.volume >= 0) {
                column = layout.volume;
                v = Decimals.parse(row.getField(column));
            }
        } catch (BadValue e) {
            return issue(line, column, e.getMessage());
        }
        RowIssue bad = checkPrices(row, line, o, h, l, c, v);
        if (bad == null) {
            bad = checkOrder(row, line, t);
        }
        if (bad != null) {
            return bad;
        }
        bars.add(t, o, h, l, c, v);
        lastTime = t;
        lastLine = line;
        lastRow = row;
        return null;
    }

    private RowIssue checkPrices(CsvRecord row, long line, double o, double h, double l, double c, double v) {
        if (h < l) {
            return issue(
                    line,
                    layout.high,
                    "high %s is below low %s".formatted(text(row, layout.high), text(row, layout.low)));
        }
        if (o < l || o > h) {
            return issue(
                    line,
                    layout.open,
                    "open %s is outside [low %s, high %s]"
                            .formatted(text(row, layout.open), text(row, layout.low), text(row, layout.high)));
        }
        if (c < l || c > h) {
            return issue(
                    line,
                    layout.close,
                    "close %s is outside [low %s, high %s]"
                            .formatted(text(row, layout.close), text(row, layout.low), text(row, layout.high)));
        }
        if (v < 0) {
            return issue(line, layout.volume, "volume %s is negative".formatted(text(row, layout.volume)));
        }
        return null;
    }

    private RowIssue checkOrder(CsvRecord row, long line, long t) {
        if (lastRow == null || t > lastTime) {
            return null;
        }
        String reason = t == lastTime
                ? "duplicate of line %d (%s)".formatted(lastLine, timestampText(row))
                : "out of order: %s after %s (line %d)".formatted(timestampText(row), timestampText(lastRow), lastLine);
        return new RowIssue(source, line, layout.timestampName(), reason);
    }

    private String timestampText(CsvRecord row) {
        return layout.date >= 0 ? text(row, layout.date) + " " + text(row, layout.time) : text(row, layout.time);
    }

    private static String text(CsvRecord row, int column) {
        return row.getField(column).strip();
    }

    private RowIssue issue(long line, int column, String reason) {
        return new RowIssue(source, line, layout.name(column), reason);
    }
}
