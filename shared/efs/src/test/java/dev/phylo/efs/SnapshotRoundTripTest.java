package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotRoundTripTest {
    @TempDir
    Path root;

    private EfsLayout layout() {
        return new EfsLayout(root);
    }

    @Test
    void everyColumnRoundTripsBitForBit() {
        BarSeries bars = TestBars.series("BTC-USD", "5m", 1_000, 7);
        double[] close = bars.close();
        close[3] = -0.0;
        close[4] = Double.MIN_VALUE;
        close[5] = Double.MAX_VALUE;
        close[6] = Double.NaN;
        SnapshotRef ref = SnapshotWriter.write(layout(), bars);

        BarSeries loaded = SnapshotReader.load(layout(), ref);

        assertThat(loaded.symbol()).isEqualTo("BTC-USD");
        assertThat(loaded.interval()).isEqualTo(BarInterval.parse("5m"));
        assertThat(loaded.time()).containsExactly(bars.time());
        assertBits(loaded.open(), bars.open());
        assertBits(loaded.high(), bars.high());
        assertBits(loaded.low(), bars.low());
        assertBits(loaded.close(), bars.close());
        assertBits(loaded.volume(), bars.volume());
        assertThat(ref.rows()).isEqualTo(1_000);
        assertThat(ref.firstTime()).isEqualTo(bars.time()[0]);
        assertThat(ref.lastTime()).isEqualTo(bars.time()[999]);
        assertThat(SnapshotReader.load(layout(), "BTC-USD", BarInterval.parse("5m"), ref.snapshotId())
                        .close())
                .hasSize(1_000);
        assertThat(SnapshotReader.bytesOf(ref)).isEqualTo(1_000L * 6 * 8);
    }

    @Test
    void theIdIsAContentHash() {
        BarSeries bars = TestBars.series("AAPL", 500);
        SnapshotRef first = SnapshotWriter.write(layout(), bars);
        SnapshotRef again = SnapshotWriter.write(layout(), TestBars.series("AAPL", 500));

        assertThat(again).isEqualTo(first);
        assertThat(first.snapshotId()).matches("[0-9a-f]{32}");
        assertThat(SnapshotWriter.write(layout(), TestBars.withClose(bars, 250, bars.close()[250] + 1e-12))
                        .snapshotId())
                .isNotEqualTo(first.snapshotId());
        assertThat(SnapshotWriter.write(layout(), bars.withLabels("MSFT", bars.interval()))
                        .snapshotId())
                .isNotEqualTo(first.snapshotId());
        assertThat(SnapshotWriter.write(layout(), bars.withLabels("AAPL", BarInterval.parse("2h")))
                        .snapshotId())
                .isNotEqualTo(first.snapshotId());
    }

    @Test
    void theIdDoesNotDependOnTheFolder(@TempDir Path other) {
        BarSeries bars = TestBars.series("AAPL", 300);
        assertThat(SnapshotWriter.write(new EfsLayout(other), bars)).isEqualTo(SnapshotWriter.write(layout(), bars));
    }

    @Test
    void rewritingTheSameBarsIsANoOp() throws IOException {
        BarSeries bars = TestBars.series("AAPL", 300);
        SnapshotRef ref = SnapshotWriter.write(layout(), bars);
        Path dir = layout().snapshotDir(ref);
        FileTime old = FileTime.fromMillis(1_000_000);
        for (Path f : files(dir)) {
            Files.setLastModifiedTime(f, old);
        }

        assertThat(SnapshotWriter.write(layout(), bars)).isEqualTo(ref);

        for (Path f : files(dir)) {
            assertThat(Files.getLastModifiedTime(f)).as(f.toString()).isEqualTo(old);
        }
        assertThat(files(dir.getParent())).containsExactly(dir);
    }

    @Test
    void writesNumpyFilesWithAlignedDataAndAHeader() throws IOException {
        SnapshotRef ref = SnapshotWriter.write(layout(), TestBars.series("^GSPC", "1d", 10, 1));
        Path dir = layout().snapshotDir(ref);
        assertThat(dir).isEqualTo(root.resolve("snapshots/%5EGSPC/1d/" + ref.snapshotId()));
        assertThat(files(dir))
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "close.npy", "high.npy", "low.npy", "open.npy", "snapshot.json", "time.npy", "volume.npy");

        byte[] close = Files.readAllBytes(dir.resolve("close.npy"));
        assertThat(close).hasSize(128 + 80);
        String header = new String(close, 0, 128, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(header)
                .startsWith("\u0093NUMPY\u0001\u0000")
                .contains("{'descr': '<f8', 'fortran_order': False, 'shape': (10,), }")
                .endsWith("\n");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("snapshot.json").toFile());
        assertThat(json.get("format").asText()).isEqualTo("phylo-snapshot/1");
        assertThat(json.get("symbol").asText()).isEqualTo("^GSPC");
        assertThat(json.get("interval").asText()).isEqualTo("1d");
        assertThat(json.get("rows").asInt()).isEqualTo(10);
        assertThat(json.get("firstTime").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(json.get("lastTime").asText()).isEqualTo("2024-01-10T00:00:00Z");
        assertThat(json.get("snapshotId").asText()).isEqualTo(ref.snapshotId());
        List<String> names = json.get("columns").findValuesAsText("name");
        assertThat(names).containsExactly("time", "open", "high", "low", "close", "volume");
        JsonNode time = json.get("columns").get(0);
        assertThat(time.get("dtype").asText()).isEqualTo("<i8");
        assertThat(time.get("file").asText()).isEqualTo("time.npy");
        assertThat(time.get("dataOffset").asLong()).isEqualTo(128);
        assertThat(time.get("bytes").asLong()).isEqualTo(80);
        assertThat(time.get("crc32c").asText()).matches("[0-9a-f]{8}");
    }

    @Test
    void aTemporaryDirectoryLeftByACrashedWriterIsIgnored() throws IOException {
        BarSeries bars = TestBars.series("AAPL", 100);
        Path series = layout().seriesDir("AAPL", bars.interval());
        Path crashed = Files.createDirectories(series.resolve(".tmp-0123-deadbeef"));
        Files.write(crashed.resolve("close.npy"), new byte[] {1, 2, 3});

        SnapshotRef ref = SnapshotWriter.write(layout(), bars);
        SnapshotManifest.publish(layout(), ref);

        assertThat(SnapshotReader.load(layout(), ref).size()).isEqualTo(100);
        assertThat(SnapshotManifest.list(layout())).containsExactly(ref);
    }

    @Test
    void concurrentWritersOfTheSameBarsAgreeAndLeaveOneDirectory() throws Exception {
        BarSeries bars = TestBars.series("AAPL", 50_000);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<SnapshotRef>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                writes.add(pool.submit(() -> {
                    start.await();
                    return SnapshotWriter.write(layout(), bars);
                }));
            }
            start.countDown();
            SnapshotRef first = writes.get(0).get();
            for (java.util.concurrent.Future<SnapshotRef> write : writes) {
                assertThat(write.get()).isEqualTo(first);
            }
            assertThat(files(layout().seriesDir("AAPL", bars.interval()))).containsExactly(layout().snapshotDir(first));
            assertThat(SnapshotReader.load(layout(), first).size()).isEqualTo(50_000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsAnEmptySeries() {
        BarSeries empty = TestBars.series("AAPL", 10).slice(0, 0);
        assertThatThrownBy(() -> SnapshotWriter.write(layout(), empty)).hasMessageContaining("has 0");
    }

    private static void assertBits(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i]))
                    .as("index %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
