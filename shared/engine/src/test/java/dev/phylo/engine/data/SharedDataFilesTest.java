package dev.phylo.engine.data;

import static dev.phylo.engine.data.CsvFixtures.millis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads the real files in {@code ../shared/data} in strict mode. They are never copied into the
 * project; when the folder is absent (a clone without {@code ../shared}) the tests are skipped.
 * Expected figures come from the files themselves ({@code wc -l} minus the header, {@code head}, {@code tail}).
 */
class SharedDataFilesTest {
    private static final Path DATA = sharedDataDir();
    private Path data;

    @BeforeEach
    void skipWithoutSharedData() {
        Assumptions.assumeTrue(
                DATA != null,
                "skipped: ../shared/data not found (looked at system property "
                        + "phylo.shared.dir and at ../shared beside the repository root)");
        data = DATA;
    }

    @Test
    void readsOracleDailyYahooExport() throws IOException {
        BarSeries s = CsvBarReader.read(data.resolve("orcl-1995-2014-daily.csv"), CsvOptions.defaults())
                .series();
        assertThat(s.size()).isEqualTo(5036);
        assertThat(s.interval()).isEqualTo(BarInterval.ONE_DAY);
        assertThat(s.symbol()).isEqualTo("ORCL-1995-2014-DAILY");
        assertThat(s.time()[0]).isEqualTo(millis("1995-01-03T00:00:00Z"));
        assertThat(s.close()[0]).isEqualTo(2.117284);
        assertThat(s.volume()[0]).isEqualTo(36301200);
        assertThat(s.time()[s.size() - 1]).isEqualTo(millis("2014-12-31T00:00:00Z"));
        assertThat(s.close()[s.size() - 1]).isEqualTo(44.970001);
    }

    @Test
    void readsEurUsdHourlyPandasExport() throws IOException {
        BarSeries s = CsvBarReader.read(data.resolve("eurusd-2017-hourly.csv"), CsvOptions.defaults())
                .series();
        assertThat(s.size()).isEqualTo(5000);
        assertThat(s.interval()).isEqualTo(BarInterval.ONE_HOUR);
        assertThat(s.time()[0]).isEqualTo(millis("2017-04-19T09:00:00Z"));
        assertThat(s.close()[0]).isEqualTo(1.07219);
        assertThat(s.time()[s.size() - 1]).isEqualTo(millis("2018-02-07T15:00:00Z"));
        assertThat(s.close()[s.size() - 1]).isEqualTo(1.22904);
    }

    @Test
    void readsIndexFiveMinuteBarsWithSplitDateTimeAndZeroVolume() throws IOException {
        BarSeries s = CsvBarReader.read(data.resolve("index-2006-5min.csv"), CsvOptions.defaults())
                .series();
        assertThat(s.size()).isEqualTo(2142);
        assertThat(s.interval()).isEqualTo(new BarInterval(5, 'm'));
        assertThat(s.time()[0]).isEqualTo(millis("2006-01-02T09:05:00Z"));
        assertThat(s.close()[0]).isEqualTo(3582.99);
        assertThat(s.time()[s.size() - 1]).isEqualTo(millis("2006-01-30T17:30:00Z"));
        assertThat(s.close()[s.size() - 1]).isEqualTo(3677.52);
        assertThat(s.volume()).containsOnly(0.0);
    }

    private static Path sharedDataDir() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("phylo.shared.dir");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                candidates.add(dir.resolveSibling("shared"));
                break;
            }
        }
        for (Path candidate : candidates) {
            Path dataDir = candidate.resolve("data");
            if (Files.isRegularFile(dataDir.resolve("orcl-1995-2014-daily.csv"))) {
                return dataDir;
            }
        }
        return null;
    }
}
