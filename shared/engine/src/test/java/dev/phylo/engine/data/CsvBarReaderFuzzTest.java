package dev.phylo.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;

/**
 * Coverage-guided fuzzing of the CSV bar reader (Jazzer; {@code scripts/fuzz} runs it for a while, plain test runs
 * replay the committed inputs in {@code CsvBarReaderFuzzTestInputs}). Whatever the bytes, strict or lenient, the reader
 * returns bars that hold the series' invariants or refuses with a {@link CsvFormatException} that names the source.
 */
public class CsvBarReaderFuzzTest {

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) throws IOException {
        check(data);
    }

    @FuzzTest
    void readsBarsOrRefusesNamingTheSource(FuzzedDataProvider data) throws IOException {
        check(data);
    }

    private static void check(FuzzedDataProvider data) throws IOException {
        boolean lenient = data.consumeBoolean();
        boolean daily = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        CsvOptions options = CsvOptions.defaults().withSymbol("FUZZ").withLenient(lenient);
        if (daily) {
            options = options.withInterval(BarInterval.ONE_DAY);
        }
        CsvReadResult result;
        try {
            result = CsvBarReader.read(new StringReader(text), "fuzz.csv", options);
        } catch (CsvFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.csv");
            return;
        }
        BarSeries bars = result.series();
        long[] time = bars.time();
        for (int i = 0; i < bars.size(); i++) {
            assertThat(i == 0 || time[i] > time[i - 1])
                    .as("bar %d after the one before", i)
                    .isTrue();
            double o = bars.open()[i];
            double h = bars.high()[i];
            double l = bars.low()[i];
            double c = bars.close()[i];
            assertThat(Double.isFinite(o) && Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(c))
                    .as("bar %d is finite", i)
                    .isTrue();
            assertThat(h >= Math.max(o, c) && l <= Math.min(o, c))
                    .as("bar %d's range", i)
                    .isTrue();
            assertThat(bars.volume()[i]).as("bar %d's volume", i).isGreaterThanOrEqualTo(0);
        }
        if (!lenient) {
            assertThat(result.dropped()).isEmpty();
        }
    }
}
