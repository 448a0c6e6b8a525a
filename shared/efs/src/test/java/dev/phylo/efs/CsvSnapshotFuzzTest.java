package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.ColumnMapping;
import dev.phylo.engine.data.CsvBarReader;
import dev.phylo.engine.data.CsvFormatException;
import dev.phylo.engine.data.CsvOptions;
import dev.phylo.engine.data.CsvReadResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Coverage-guided fuzzing from CSV bytes (and a column mapping, sometimes) to the EFS snapshot: whatever the CSV reader
 * accepts, strict or lenient, writes to a snapshot and reads back from it bit for bit (every time, and every price and
 * volume's raw double bits). A mapping is parsed or refused with the reason; the reader accepts or refuses with a
 * {@link CsvFormatException}; nothing else escapes. The snapshots go to a RAM-backed folder when there is one.
 */
public class CsvSnapshotFuzzTest {

    private static final Path ROOT = root();

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) throws IOException {
        check(data);
    }

    @FuzzTest
    void whatTheReaderAcceptsRoundTripsThroughASnapshotBitForBit(FuzzedDataProvider data) throws IOException {
        check(data);
    }

    private static void check(FuzzedDataProvider data) throws IOException {
        boolean lenient = data.consumeBoolean();
        String mapping = data.consumeBoolean() ? data.consumeString(120) : null;
        String text = data.consumeRemainingAsString();
        CsvOptions options = CsvOptions.defaults().withSymbol("FUZZ").withLenient(lenient);
        if (mapping != null) {
            try {
                options = options.withMapping(ColumnMapping.parse(mapping));
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
                return;
            }
        }
        CsvReadResult result;
        try {
            result = CsvBarReader.read(new StringReader(text), "fuzz.csv", options);
        } catch (CsvFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.csv");
            return;
        }
        BarSeries bars = result.series();
        EfsLayout layout = new EfsLayout(ROOT);
        SnapshotRef ref = SnapshotWriter.write(layout, bars);
        try {
            BarSeries back = SnapshotReader.load(layout, ref);
            assertThat(back.time()).containsExactly(bars.time());
            assertThat(bits(back.open())).containsExactly(bits(bars.open()));
            assertThat(bits(back.high())).containsExactly(bits(bars.high()));
            assertThat(bits(back.low())).containsExactly(bits(bars.low()));
            assertThat(bits(back.close())).containsExactly(bits(bars.close()));
            assertThat(bits(back.volume())).containsExactly(bits(bars.volume()));
        } finally {
            deleteTree(layout.snapshotDir(ref));
        }
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    private static Path root() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "phylo-fuzz-efs")
                    : Files.createTempDirectory("phylo-fuzz-efs");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
