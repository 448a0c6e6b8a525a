package dev.phylo.functions.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small CSV fixtures written to temporary files. */
final class Csv {

    static final String HEADER = "timestamp,open,high,low,close,volume\n";

    /** Five clean daily bars; closes 100.5, 101.25, 99.75, 102, 103.125. */
    static final String FIVE_DAYS = HEADER
            + "2024-01-02T00:00:00Z,100.0,101.0,99.0,100.5,1000\n"
            + "2024-01-03T00:00:00Z,100.5,102.0,100.0,101.25,1100\n"
            + "2024-01-04T00:00:00Z,101.25,101.5,99.5,99.75,900\n"
            + "2024-01-05T00:00:00Z,99.75,102.5,99.5,102,1200\n"
            + "2024-01-08T00:00:00Z,102.0,103.5,101.5,103.125,1300\n";

    private Csv() {}

    /** Hourly bars {@code from .. from+count-1} from 2024-01-01; bar i closes at 100 + i/100. */
    static String hourlyBars(int from, int count) {
        StringBuilder csv = new StringBuilder(HEADER);
        java.time.Instant start = java.time.Instant.parse("2024-01-01T00:00:00Z");
        for (int i = from; i < from + count; i++) {
            double close = 100 + i / 100.0;
            csv.append(start.plusSeconds(3600L * i))
                    .append(',')
                    .append(close)
                    .append(',')
                    .append(close + 1)
                    .append(',')
                    .append(close - 1)
                    .append(',')
                    .append(close)
                    .append(',')
                    .append(1000 + i)
                    .append('\n');
        }
        return csv.toString();
    }

    /** A column of {@code symbol}'s stored bars as PostgreSQL converts numeric to float8, in time order. */
    static double[] stored(String symbol, String column) {
        return dev.phylo.testkit.TestDatabase.query(
                        "SELECT " + column + "::float8 AS v FROM market_data WHERE symbol = ? ORDER BY \"timestamp\"",
                        symbol)
                .stream()
                .mapToDouble(r -> ((Number) r.get("v")).doubleValue())
                .toArray();
    }

    static Path write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
