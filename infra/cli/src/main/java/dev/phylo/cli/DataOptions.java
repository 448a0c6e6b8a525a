package dev.phylo.cli;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.ColumnMapping;
import dev.phylo.engine.data.CsvBarReader;
import dev.phylo.engine.data.CsvOptions;
import dev.phylo.engine.data.CsvReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** Options shared by commands that read an OHLCV CSV file. */
final class DataOptions {

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE.csv",
            description = "OHLCV CSV (Yahoo, backtrader/generic, Date+Time, pandas export, Binance klines; .gz ok).")
    Path file;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Symbol (default: the file name).")
    String symbol;

    @Option(
            names = "--interval",
            paramLabel = "1m|5m|1h|1d…",
            description = "Bar interval (default: inferred from the median bar spacing).")
    String interval;

    @Option(
            names = "--columns",
            paramLabel = "MAPPING",
            description = "Explicit columns, by header or 0-based index: time=Date,open=Open,high=High,low=Low,"
                    + "close=Close,volume=Vol (also date=…,time=… for split date and time).")
    String columns;

    @Option(
            names = "--tz",
            paramLabel = "ZONE",
            defaultValue = "UTC",
            description = "Time zone of timestamps that carry none (default UTC).")
    String zone;

    @Option(names = "--lenient", description = "Drop bad rows and report each one, instead of rejecting the file.")
    boolean lenient;

    CsvReadResult read() throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such data file");
        }
        CsvOptions options = CsvOptions.defaults()
                .withSymbol(symbol)
                .withInterval(interval == null ? null : BarInterval.parse(interval))
                .withMapping(columns == null ? null : ColumnMapping.parse(columns))
                .withLenient(lenient)
                .withZone(ZoneId.of(zone));
        return CsvBarReader.read(file, options);
    }
}
