package dev.phylo.cli.run;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The default job's market: the engine's seeded generator, one independent market per symbol, written as CSV so it
 * goes through the real ingest function like any user file. The same (symbol, interval, bars, seed) always gives the
 * same file, so a second run's ingest is recognised as a duplicate.
 */
final class SyntheticData {

    /**
     * The generator's version, in the file name: a file cached by an earlier generator (before highs and lows came
     * from a continuous path) is not reused.
     */
    static final int GENERATOR = 2;

    private SyntheticData() {}

    /** Four decimals, like a real price feed (rounding is monotone, so low <= open, close <= high still holds). */
    private static String price(double x) {
        return Double.toString(Math.rint(x * 1e4) / 1e4);
    }

    static Path csv(Path dir, String symbol, BarInterval interval, int bars, long seed, int symbolIndex)
            throws IOException {
        Path file = dir.resolve("%s-%s-%d-%d-g%d.csv".formatted(symbol, interval, bars, seed, GENERATOR));
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        BarSeries series = SyntheticMarket.generate(
                SyntheticConfig.defaults(symbol, interval, bars, seed * 1_000_003L + symbolIndex));
        Path tmp = Files.createTempFile(dir, ".tmp-" + symbol, ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("timestamp,open,high,low,close,volume\n");
            for (int i = 0; i < series.size(); i++) {
                w.write(Instant.ofEpochMilli(series.time()[i]).toString());
                w.write(',');
                w.write(price(series.open()[i]));
                w.write(',');
                w.write(price(series.high()[i]));
                w.write(',');
                w.write(price(series.low()[i]));
                w.write(',');
                w.write(price(series.close()[i]));
                w.write(',');
                w.write(price(series.volume()[i]));
                w.write('\n');
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
