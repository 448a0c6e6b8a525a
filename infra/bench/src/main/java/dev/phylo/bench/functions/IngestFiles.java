package dev.phylo.bench.functions;

import dev.phylo.engine.data.BarSeries;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The files {@link IngestBench} works on: the upload and its COPY twin, and the hash the service takes first. */
final class IngestFiles {

    private IngestFiles() {}

    /**
     * bars.csv as a user would upload it (header, ISO-8601 UTC times, Double.toString values) and the same rows in
     * market_data's column order for COPY (timestamp, symbol, interval, open, high, low, close, volume, source).
     */
    static void write(BarSeries bars, String symbol, String source, Path csv, Path copyCsv) throws IOException {
        long[] time = bars.time();
        double[][] values = {bars.open(), bars.high(), bars.low(), bars.close(), bars.volume()};
        String prefix = "," + symbol + "," + bars.interval() + ",";
        String suffix = "," + source + "\n";
        try (BufferedWriter upload = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                BufferedWriter copy = Files.newBufferedWriter(copyCsv, StandardCharsets.UTF_8)) {
            upload.write("timestamp,open,high,low,close,volume\n");
            StringBuilder numbers = new StringBuilder(128);
            for (int i = 0; i < time.length; i++) {
                String ts = Instant.ofEpochMilli(time[i]).toString();
                numbers.setLength(0);
                for (int c = 0; c < 5; c++) {
                    numbers.append(c == 0 ? "" : ",").append(Double.toString(values[c][i]));
                }
                upload.write(ts);
                upload.write(',');
                upload.write(numbers.toString());
                upload.write('\n');
                copy.write(ts);
                copy.write(prefix);
                copy.write(numbers.toString());
                copy.write(suffix);
            }
        }
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
