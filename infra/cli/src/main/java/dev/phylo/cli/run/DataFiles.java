package dev.phylo.cli.run;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.ColumnMapping;
import dev.phylo.engine.data.CsvBarReader;
import dev.phylo.engine.data.CsvOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The market data files a run names: each given file, and the {@code .csv} and {@code .csv.gz} files of each given
 * folder (sorted by name); a symbol per file; and the time range they cover, which a run is limited to.
 */
public final class DataFiles {

    private DataFiles() {}

    /** The files {@code paths} name, folders expanded, in order. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> listing = Files.list(p)) {
                    List<Path> csv = listing.filter(f -> Files.isRegularFile(f) && isCsv(f))
                            .sorted()
                            .toList();
                    if (csv.isEmpty()) {
                        throw new IllegalArgumentException("--data " + p + ": the folder has no .csv or .csv.gz file");
                    }
                    files.addAll(csv);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new NoSuchFileException(p.toString(), null, "no such data file or folder");
            }
        }
        return files;
    }

    /**
     * The symbol a file holds, from its name: the part before the first '-', '_' or '.', upper-cased
     * ({@code orcl-1995-2014-daily.csv} → {@code ORCL}). {@code --symbols} overrides it.
     */
    public static String symbolOf(Path file) {
        String name = file.getFileName().toString();
        int end = name.length();
        for (char c : new char[] {'-', '_', '.'}) {
            int i = name.indexOf(c);
            if (i > 0) {
                end = Math.min(end, i);
            }
        }
        return name.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /** The first and the last bar of a file, read as the ingest function reads it (strict, with the same columns). */
    public record Range(long first, long last) {
        Range union(Range other) {
            return other == null ? this : new Range(Math.min(first, other.first), Math.max(last, other.last));
        }

        /** The first bar's time, as the run input's {@code from}. */
        public String from() {
            return Instant.ofEpochMilli(first).toString();
        }

        /** The end after the last bar (exclusive), as the run input's {@code to}: one interval later. */
        public String to(BarInterval interval) {
            return Instant.ofEpochMilli(last + interval.millis()).toString();
        }
    }

    /** The range of one file. */
    public static Range range(Path file, String symbol, BarInterval interval, String columns) throws IOException {
        CsvOptions options = CsvOptions.defaults().withSymbol(symbol).withInterval(interval);
        if (columns != null) {
            options = options.withMapping(ColumnMapping.parse(columns));
        }
        BarSeries series = CsvBarReader.read(file, options).series();
        if (series.size() == 0) {
            throw new IllegalArgumentException(file + " has no bars");
        }
        return new Range(series.time()[0], series.time()[series.size() - 1]);
    }

    /** The union of the ranges of every file: from the earliest first bar to the latest last bar. */
    public static Range range(List<Path> files, List<String> symbols, BarInterval interval, String columns)
            throws IOException {
        Range all = null;
        for (int i = 0; i < files.size(); i++) {
            Range r = range(files.get(i), symbols.get(i), interval, columns);
            all = all == null ? r : r.union(all);
        }
        return all;
    }

    private static boolean isCsv(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".csv.gz");
    }
}
