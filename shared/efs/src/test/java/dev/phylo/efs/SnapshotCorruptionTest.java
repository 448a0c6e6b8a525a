package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotCorruptionTest {
    @TempDir
    Path root;

    private EfsLayout layout;
    private SnapshotRef ref;
    private Path dir;

    @BeforeEach
    void writeSnapshot() {
        layout = new EfsLayout(root);
        ref = SnapshotWriter.write(layout, TestBars.series("ETH-USD", 200));
        dir = layout.snapshotDir(ref);
    }

    @Test
    void oneFlippedDataByteIsACrcMismatchNamingTheColumn() throws IOException {
        flipByte(dir.resolve("close.npy"), 128 + 8 * 100 + 3);
        assertThatThrownBy(() -> SnapshotReader.load(layout, ref))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("close.npy")
                .hasMessageContaining("column 'close'")
                .hasMessageContaining("CRC32C mismatch");
    }

    @Test
    void aTruncatedColumnSaysHowShortItIs() throws IOException {
        Path volume = dir.resolve("volume.npy");
        try (RandomAccessFile f = new RandomAccessFile(volume.toFile(), "rw")) {
            f.setLength(128 + 8 * 150);
        }
        assertThatThrownBy(() -> SnapshotReader.load(layout, ref))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("volume.npy")
                .hasMessageContaining("truncated: 1328 bytes, expected 1728");
    }

    @Test
    void aColumnTruncatedInsideItsHeaderIsReportedToo() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("open.npy").toFile(), "rw")) {
            f.setLength(5);
        }
        assertThatThrownBy(() -> SnapshotReader.load(layout, ref))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("open.npy")
                .hasMessageContaining("truncated");
    }

    @Test
    void aWrongDtypeInTheNpyHeaderIsNamed() throws IOException {
        Path high = dir.resolve("high.npy");
        byte[] bytes = Files.readAllBytes(high);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replaceFirst("'<f8'", "'>f8'");
        Files.write(high, text.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SnapshotReader.load(layout, ref))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("high.npy")
                .hasMessageContaining("dtype is '>f8', expected '<f8'");
    }

    @Test
    void aBadMagicIsNamed() throws IOException {
        flipByte(dir.resolve("time.npy"), 1);
        assertThatThrownBy(() -> SnapshotReader.load(layout, ref))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("time.npy")
                .hasMessageContaining("magic");
    }

    @Test
    void aTamperedHeaderIsCorruptionNotBadInput() throws IOException {
        Path header = dir.resolve("snapshot.json");
        Files.writeString(header, Files.readString(header).replace("\"rows\":200", "\"rows\":199"));
        assertThatThrownBy(() -> SnapshotReader.load(layout, ref))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("snapshot.json");

        Files.writeString(header, "{\"format\":");
        assertThatThrownBy(() -> SnapshotReader.load(layout, ref))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("snapshot.json");
    }

    @Test
    void aMissingSnapshotIsNotFound() {
        String otherId = "ffffffffffffffffffffffffffffffff";
        assertThatThrownBy(() -> SnapshotReader.load(layout, "ETH-USD", BarInterval.ONE_HOUR, otherId))
                .isInstanceOf(SnapshotNotFoundException.class)
                .hasMessageContaining(otherId);
    }

    @Test
    void aReferenceThatDisagreesWithTheHeaderIsRefused() {
        SnapshotRef wrong = new SnapshotRef(
                ref.snapshotId(), ref.symbol(), ref.interval(), ref.rows(), ref.firstTime() - 1, ref.lastTime());
        assertThatThrownBy(() -> SnapshotReader.load(layout, wrong))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("reference says");
    }

    /**
     * A byte flipped in any column: a reader refuses the snapshot naming the file and both checksums; writing the same
     * bars again (the next ingest of the pair) rewrites the damaged file in place, and the snapshot reads back whole.
     */
    @ParameterizedTest
    @ValueSource(strings = {"time", "open", "high", "low", "close", "volume"})
    void aFlippedByteInAnyColumnIsRefusedAndRewritingTheSameBarsRepairsIt(String column) throws IOException {
        BarSeries bars = TestBars.series("ETH-USD", 200);
        flipByte(dir.resolve(column + ".npy"), 128 + 8 * 57 + 5);
        assertThatThrownBy(() -> SnapshotReader.load(layout, ref))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining(column + ".npy")
                .hasMessageMatching("(?s).*CRC32C mismatch: data has \\S+, snapshot.json says \\S+.*");

        assertThat(SnapshotWriter.write(layout, bars)).isEqualTo(ref);

        BarSeries read = SnapshotReader.load(layout, ref);
        assertThat(read.time()).containsExactly(bars.time());
        assertThat(read.open()).containsExactly(bars.open());
        assertThat(read.high()).containsExactly(bars.high());
        assertThat(read.low()).containsExactly(bars.low());
        assertThat(read.close()).containsExactly(bars.close());
        assertThat(read.volume()).containsExactly(bars.volume());
        try (var files = Files.list(dir.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        Files.delete(dir.resolve("close.npy"));
        assertThatThrownBy(() -> SnapshotReader.load(layout, ref))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("column 'close' is missing");
        assertThat(Files.exists(dir.resolve("time.npy"))).isTrue();
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x01);
        }
    }
}
