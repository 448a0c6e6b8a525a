package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phylo ingest}: a folder of CSV files goes into the store through the ingest function, and nothing runs. */
class IngestOnlyIT {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static DatabaseUrl url;

    @TempDir
    Path state;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabase.newDatabase("phylo_ingest_only");
    }

    @Test
    void aFolderOfFilesIsStoredOneSymbolPerFileAndNoRunStarts(@TempDir Path data) throws Exception {
        write(data.resolve("aaa-hourly.csv"), 150, 100.0);
        write(data.resolve("bbb_2020.csv"), 90, 50.0);
        List<Path> files = DataFiles.expand(List.of(data));
        List<String> symbols = files.stream().map(DataFiles::symbolOf).toList();
        RunOptions options = new RunOptions(
                ROOT,
                state,
                symbols,
                "1h",
                null,
                null,
                26_280,
                files,
                null,
                null,
                8,
                1,
                null,
                7,
                1,
                "sharpe",
                0,
                1,
                1,
                url.toConnectionUri(),
                false,
                false,
                null,
                false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        new LocalRun(options, print, print, LambdaFleet::new).ingestOnly();

        String text = out.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertThat(symbols).containsExactly("AAA", "BBB");
        assertThat(text).contains("ingest    AAA 1h: ingested, 150 new").contains("ingest    BBB 1h: ingested, 90 new");
        assertThat(count("SELECT count(*) FROM market_data WHERE symbol = 'AAA'"))
                .isEqualTo(150);
        assertThat(count("SELECT count(*) FROM market_data WHERE symbol = 'BBB'"))
                .isEqualTo(90);
        assertThat(count("SELECT count(*) FROM runs")).as("nothing ran").isZero();
        assertThat(state.resolve("efs/snapshots")).isDirectory();
    }

    private static void write(Path file, int bars, double price) throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        long start = Instant.parse("2021-01-04T00:00:00Z").toEpochMilli();
        for (int i = 0; i < bars; i++) {
            double p = price + Math.sin(i / 5.0);
            csv.append(Instant.ofEpochMilli(start + i * 3_600_000L))
                    .append(',')
                    .append(p)
                    .append(',')
                    .append(p + 1)
                    .append(',')
                    .append(p - 1)
                    .append(',')
                    .append(p + 0.5)
                    .append(",1000\n");
        }
        Files.writeString(file, csv);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = PostgresJdbc.connect(url);
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
