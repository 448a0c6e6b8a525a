package dev.phylo.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.SnapshotCorruptException;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotReader;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A published snapshot damaged on EFS (a byte flipped in one column): readers refuse it, naming the file and the
 * checksums, and the next ingest of the pair, even of the very file it came from, republishes it whole from the store.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class IngestDamagedSnapshotTest {

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        TestDatabase.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"time", "open", "high", "low", "close", "volume"})
    void theNextIngestOfThePairRepublishesADamagedSnapshot(String column) throws IOException {
        Path file = Csv.write(dir, "dmg-" + column + ".csv", Csv.hourlyBars(0, 300));
        IngestOutput.FileOutcome first = IngestFunctionTest.ok(IngestFunctionTest.request(file, "DMG", "1h", null))
                .files()
                .get(0);
        EfsLayout efs = new EfsLayout(EfsResource.root());
        SnapshotRef published =
                SnapshotManifest.latest(efs, "DMG", BarInterval.ONE_HOUR).orElseThrow();
        flipByte(efs.snapshotDir(published).resolve(column + ".npy"), 128 + 8 * 123 + 2);
        assertThatThrownBy(() -> SnapshotReader.load(efs, published))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining(column + ".npy")
                .hasMessageContaining("CRC32C mismatch");

        IngestOutput.FileOutcome again = IngestFunctionTest.ok(IngestFunctionTest.request(file, "DMG", "1h", null))
                .files()
                .get(0);

        assertThat(again.status()).isEqualTo("ingested"); // not skipped as a duplicate
        assertThat(again.rowsUnchanged()).isEqualTo(300);
        assertThat(again.snapshotId()).isEqualTo(first.snapshotId());
        BarSeries read = SnapshotReader.load(efs, published);
        assertThat(read.close()).containsExactly(Csv.stored("DMG", "close"));
        assertThat(read.volume()).containsExactly(Csv.stored("DMG", "volume"));
        assertThat(read.time()).hasSize(300);
        // and now it is whole, a third delivery is a duplicate again
        assertThat(IngestFunctionTest.ok(IngestFunctionTest.request(file, "DMG", "1h", null))
                        .files()
                        .get(0)
                        .status())
                .isEqualTo("duplicate");
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x10);
        }
    }
}
