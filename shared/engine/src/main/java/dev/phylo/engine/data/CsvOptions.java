package dev.phylo.engine.data;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How to read an OHLCV CSV file.
 *
 * @param symbol   the series symbol; {@code null} derives it from the file name stem, upper-cased
 *                 ({@code orcl.csv.gz} becomes {@code ORCL})
 * @param interval the bar interval; {@code null} infers it from the median spacing of the times
 * @param mapping  which columns hold what; {@code null} detects the layout from the header
 * @param lenient  {@code false}: the first bad row fails the whole read; {@code true}: bad rows are
 *                 dropped and reported in {@link CsvReadResult#dropped()}
 * @param zone     the zone of timestamps written without an offset; {@code null} means UTC
 */
public record CsvOptions(String symbol, BarInterval interval, ColumnMapping mapping, boolean lenient, ZoneId zone) {
    public CsvOptions {
        if (symbol != null && symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank; pass null to derive it from the file name");
        }
        if (zone == null) {
            zone = ZoneOffset.UTC;
        }
    }

    /** Detected layout, inferred interval, symbol from the file name, strict, UTC. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, null, null, false, ZoneOffset.UTC);
    }

    public CsvOptions withSymbol(String newSymbol) {
        return new CsvOptions(newSymbol, interval, mapping, lenient, zone);
    }

    public CsvOptions withInterval(BarInterval newInterval) {
        return new CsvOptions(symbol, newInterval, mapping, lenient, zone);
    }

    public CsvOptions withMapping(ColumnMapping newMapping) {
        return new CsvOptions(symbol, interval, newMapping, lenient, zone);
    }

    public CsvOptions withLenient(boolean newLenient) {
        return new CsvOptions(symbol, interval, mapping, newLenient, zone);
    }

    public CsvOptions withZone(ZoneId newZone) {
        return new CsvOptions(symbol, interval, mapping, lenient, newZone);
    }
}
