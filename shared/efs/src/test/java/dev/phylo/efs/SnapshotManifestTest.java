package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotManifestTest {
    @TempDir
    Path root;

    @Test
    void publishThenLatestThenList() {
        EfsLayout layout = new EfsLayout(root);
        assertThat(SnapshotManifest.list(layout)).isEmpty();
        assertThat(SnapshotManifest.latest(layout, "AAPL", BarInterval.ONE_HOUR))
                .isEmpty();

        SnapshotRef v1 = SnapshotWriter.write(layout, TestBars.series("AAPL", 100));
        assertThat(SnapshotManifest.publish(layout, v1)).isEqualTo(WriteOutcome.CREATED);
        assertThat(SnapshotManifest.publish(layout, v1)).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(SnapshotManifest.latest(layout, "AAPL", BarInterval.ONE_HOUR))
                .contains(v1);

        SnapshotRef v2 = SnapshotWriter.write(layout, TestBars.series("AAPL", 120));
        assertThat(SnapshotManifest.publish(layout, v2)).isEqualTo(WriteOutcome.REPLACED);
        assertThat(SnapshotManifest.latest(layout, "AAPL", BarInterval.ONE_HOUR))
                .contains(v2);
        assertThat(SnapshotReader.load(
                                layout,
                                SnapshotManifest.latest(layout, "AAPL", BarInterval.ONE_HOUR)
                                        .orElseThrow())
                        .size())
                .isEqualTo(120);

        SnapshotRef daily = SnapshotWriter.write(layout, TestBars.series("AAPL", "1d", 30, 3));
        SnapshotManifest.publish(layout, daily);
        assertThat(SnapshotManifest.list(layout)).containsExactly(v2, daily);
    }

    @Test
    void weirdSymbolsRoundTripThroughTheLayout() throws IOException {
        EfsLayout layout = new EfsLayout(root);
        List<String> symbols = List.of("^GSPC", "EUR/USD", "BTC-USD", "BRK.B", "ES=F", ".DJI", "日経225");
        for (String symbol : symbols) {
            BarSeries bars = TestBars.series(symbol, "1d", 20, symbol.hashCode());
            SnapshotManifest.publish(layout, SnapshotWriter.write(layout, bars));
            assertThat(SnapshotReader.load(
                                    layout,
                                    SnapshotManifest.latest(layout, symbol, BarInterval.ONE_DAY)
                                            .orElseThrow())
                            .symbol())
                    .isEqualTo(symbol);
        }
        assertThat(SnapshotManifest.list(layout))
                .extracting(SnapshotRef::symbol)
                .containsExactlyElementsOf(symbols.stream().sorted().toList());
        try (var dirs = Files.list(layout.snapshotsDir())) {
            assertThat(dirs.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "%5EGSPC", "EUR%2FUSD", "BTC-USD", "BRK.B", "ES%3DF", "%2EDJI", "%E6%97%A5%E7%B5%8C225");
        }
    }

    @Test
    void refusesToPublishASnapshotThatIsNotOnDisk() {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef ghost = new SnapshotRef("0123456789abcdef0123456789abcdef", "AAPL", "1h", 2, 0, 3_600_000);
        assertThatThrownBy(() -> SnapshotManifest.publish(layout, ghost)).isInstanceOf(SnapshotNotFoundException.class);
        assertThat(Files.exists(layout.latestManifest("AAPL", BarInterval.ONE_HOUR)))
                .isFalse();
    }

    @Test
    void refusesToPublishAReferenceThatDisagreesWithTheSnapshot() {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef real = SnapshotWriter.write(layout, TestBars.series("AAPL", 10));
        SnapshotRef wrong = new SnapshotRef(real.snapshotId(), "AAPL", "1h", 9, real.firstTime(), real.lastTime());
        assertThatThrownBy(() -> SnapshotManifest.publish(layout, wrong))
                .isInstanceOf(EfsFileException.class)
                .hasMessageContaining("will not publish");
    }

    @Test
    void listIgnoresTemporaryFilesAndSeriesWithoutAManifest() throws IOException {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef ref = SnapshotWriter.write(layout, TestBars.series("AAPL", 10));
        SnapshotManifest.publish(layout, ref);
        SnapshotWriter.write(layout, TestBars.series("UNPUBLISHED", 10));
        Path series = layout.seriesDir("AAPL", BarInterval.ONE_HOUR);
        Files.writeString(series.resolve(".tmp-latest.json-0000000000000001"), "{\"symbol\":");
        Files.createDirectories(layout.snapshotsDir().resolve(".tmp-x-0000000000000002"));

        assertThat(SnapshotManifest.list(layout)).containsExactly(ref);
        assertThat(SnapshotManifest.latest(layout, "AAPL", BarInterval.ONE_HOUR))
                .contains(ref);
    }

    @Test
    void aManifestInTheWrongDirectoryIsReported() throws IOException {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef ref = SnapshotWriter.write(layout, TestBars.series("AAPL", 10));
        SnapshotManifest.publish(layout, ref);
        Path moved = layout.latestManifest("MSFT", BarInterval.ONE_HOUR);
        Files.createDirectories(moved.getParent());
        Files.copy(layout.latestManifest("AAPL", BarInterval.ONE_HOUR), moved);
        assertThatThrownBy(() -> SnapshotManifest.latest(layout, "MSFT", BarInterval.ONE_HOUR))
                .isInstanceOf(EfsFileException.class)
                .hasMessageContaining("names AAPL 1h");
    }
}
