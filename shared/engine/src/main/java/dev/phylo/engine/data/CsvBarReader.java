package dev.phylo.engine.data;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads OHLCV CSV files into a {@link BarSeries}: Yahoo, generic/backtrader, pandas exports,
 * split date and time columns, and Binance klines without a header, or any layout given by a
 * {@link ColumnMapping}. Input is UTF-8; a byte-order mark is skipped; {@code .gz} names are gunzipped.
 *
 * <p>Validation is strict: numbers must be finite plain decimals, {@code low <= open, close <= high},
 * volume must not be negative and times must strictly increase. By default the first bad row fails
 * the read with a {@link CsvFormatException}; with {@link CsvOptions#lenient()} bad rows are dropped
 * and listed in the result.
 */
public final class CsvBarReader {
    private static final char BOM = '\uFEFF';
    private static final Pattern FASTCSV_LINE = Pattern.compile("started in line (\\d+)");
    private static final int DEFAULT_CAPACITY = 4096;
    private static final int BYTES_PER_ROW_GUESS = 48;

    private CsvBarReader() {}

    /** Reads a file; a name ending in {@code .gz} is gunzipped. Messages name the file by its file name. */
    public static CsvReadResult read(Path file, CsvOptions options) throws IOException {
        String name = file.getFileName().toString();
        boolean gzipped = name.toLowerCase(Locale.ROOT).endsWith(".gz");
        long rowsGuess = gzipped ? 0 : Files.size(file) / BYTES_PER_ROW_GUESS;
        int capacity = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(DEFAULT_CAPACITY, rowsGuess));
        try (InputStream in = Files.newInputStream(file);
                Reader reader = decode(in, name)) {
            return read(reader, name, options, capacity);
        }
    }

    /**
     * Reads a stream, gunzipping it when {@code sourceName} ends in {@code .gz}. The stream is not closed.
     *
     * @param sourceName the name used in messages and for the default symbol, such as an S3 key
     */
    public static CsvReadResult read(InputStream in, String sourceName, CsvOptions options) throws IOException {
        Objects.requireNonNull(in, "in");
        InputStream unclosed = new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller owns the stream
            }
        };
        try (Reader reader = decode(unclosed, sourceName)) {
            return read(reader, sourceName, options, DEFAULT_CAPACITY);
        }
    }

    /** Reads characters that are already decoded. The reader is not closed. */
    public static CsvReadResult read(Reader reader, String sourceName, CsvOptions options) throws IOException {
        return read(reader, sourceName, options, DEFAULT_CAPACITY);
    }

    private static Reader decode(InputStream in, String sourceName) throws IOException {
        InputStream raw = sourceName.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        return new InputStreamReader(raw, StandardCharsets.UTF_8);
    }

    private static CsvReadResult read(Reader reader, String sourceName, CsvOptions options, int capacity)
            throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(options, "options");
        PushbackReader input = new PushbackReader(reader, 1);
        int firstChar = input.read();
        if (firstChar >= 0 && firstChar != BOM) {
            input.unread(firstChar);
        }
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(input);
        try {
            return parse(csv.iterator(), sourceName, options, capacity);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            Matcher m = FASTCSV_LINE.matcher(String.valueOf(e.getMessage()));
            long line = m.find() ? Long.parseLong(m.group(1)) : 0;
            throw new CsvFormatException(new RowIssue(sourceName, line, null, "malformed CSV: " + detail), e);
        }
    }

    private static CsvReadResult parse(
            CloseableIterator<CsvRecord> rows, String source, CsvOptions options, int capacity) {
        if (!rows.hasNext()) {
            throw new CsvFormatException(new RowIssue(source, 0, null, "empty file: no header and no rows"));
        }
        CsvRecord first = rows.next();
        TimestampParser times = new TimestampParser(options.zone());
        CsvLayout layout = CsvLayout.detect(source, first, options.mapping(), times);
        BarColumns bars = new BarColumns(capacity);
        RowDecoder decoder = new RowDecoder(source, layout, times, bars);
        List<RowIssue> dropped = new ArrayList<>();
        long dataRows = 0;
        if (!layout.hasHeader) {
            dataRows++;
            keep(decoder.accept(first), options.lenient(), dropped);
        }
        while (rows.hasNext()) {
            dataRows++;
            keep(decoder.accept(rows.next()), options.lenient(), dropped);
        }
        if (dataRows == 0) {
            throw new CsvFormatException(new RowIssue(
                    source, first.getStartingLineNumber(), null, "header only: no data rows follow the header"));
        }
        if (bars.size() == 0) {
            throw new CsvFormatException(new RowIssue(
                    source,
                    0,
                    null,
                    "all %d data rows were rejected; the first: %s".formatted(dataRows, dropped.get(0))));
        }
        BarInterval interval = options.interval() != null ? options.interval() : inferInterval(source, bars);
        String symbol = options.symbol() != null ? options.symbol() : symbolOf(source);
        return new CsvReadResult(bars.toSeries(symbol, interval), dropped);
    }

    private static void keep(RowIssue issue, boolean lenient, List<RowIssue> dropped) {
        if (issue == null) {
            return;
        }
        if (!lenient) {
            throw new CsvFormatException(issue);
        }
        dropped.add(issue);
    }

    private static BarInterval inferInterval(String source, BarColumns bars) {
        if (bars.size() < 2) {
            throw new CsvFormatException(new RowIssue(
                    source,
                    0,
                    null,
                    "cannot infer the bar interval from a single bar; set it (CsvOptions.withInterval, --interval)"));
        }
        long spacing = bars.medianSpacingMillis();
        try {
            return BarInterval.ofMillis(spacing);
        } catch (IllegalArgumentException e) {
            // found by fuzzing: bars years apart gave an interval such as 136420761599s, which no label carries
            throw new CsvFormatException(new RowIssue(
                    source,
                    0,
                    null,
                    "cannot infer the bar interval: the bars are a median %d ms apart, which is no bar interval (%s);"
                                    .formatted(spacing, e.getMessage())
                            + " set it (CsvOptions.withInterval, --interval)"));
        }
    }

    /** The file name stem, upper-cased: {@code data/orcl.csv.gz} gives {@code ORCL}. */
    static String symbolOf(String sourceName) {
        String name = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).strip();
        return stem.isEmpty() ? "UNNAMED" : stem.toUpperCase(Locale.ROOT);
    }
}
