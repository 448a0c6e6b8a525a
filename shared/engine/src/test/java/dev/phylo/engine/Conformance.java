package dev.phylo.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The conformance series and the values backtrader 1.9.78 computed from it (copied from
 * {@code ../shared/conformance}, which allows it: they are facts about a formula-made series).
 */
public final class Conformance {
    private static BarSeries series;
    private static JsonNode reference;

    private Conformance() {}

    /** The 600 daily bars of {@code series.csv}, read with a deliberately trivial parser (the file is clean). */
    public static synchronized BarSeries series() {
        if (series == null) {
            List<String[]> rows = new ArrayList<>();
            try (InputStream in = open("series.csv");
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                r.readLine();
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        rows.add(line.split(","));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int n = rows.size();
            long[] t = new long[n];
            double[][] f = new double[5][n];
            for (int i = 0; i < n; i++) {
                String[] row = rows.get(i);
                t[i] = LocalDate.parse(row[0])
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
                for (int k = 0; k < 5; k++) {
                    f[k][i] = Double.parseDouble(row[k + 1]);
                }
            }
            series = BarSeries.of("CONF", BarInterval.ONE_DAY, t, f[0], f[1], f[2], f[3], f[4]);
        }
        return series;
    }

    public static synchronized JsonNode reference() {
        if (reference == null) {
            try (InputStream in = open("backtrader-reference.json")) {
                reference = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    private static InputStream open(String name) {
        InputStream in = Conformance.class.getResourceAsStream("/conformance/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource /conformance/" + name + " is missing");
        }
        return in;
    }
}
