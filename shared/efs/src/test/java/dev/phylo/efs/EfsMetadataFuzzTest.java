package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.phylo.engine.data.BarInterval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the small JSON files readers trust on EFS: a series' manifest ({@code latest.json}, which
 * snapshot is published) and a snapshot's header ({@code snapshot.json}, its rows, range and checksums), each written
 * with the fuzzer's bytes. The reader returns a reference or refuses with an {@link EfsFileException} (a
 * {@link SnapshotCorruptException} for a damaged header) naming the file; nothing else escapes.
 */
public class EfsMetadataFuzzTest {

    private static final String SNAPSHOT_ID = "0123456789abcdef0123456789abcdef";
    private static final Path ROOT = root();

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) throws IOException {
        check(data);
    }

    @FuzzTest
    void readsTheFileOrRefusesNamingIt(FuzzedDataProvider data) throws IOException {
        check(data);
    }

    private static void check(FuzzedDataProvider data) throws IOException {
        boolean manifest = data.consumeBoolean();
        byte[] content = data.consumeRemainingAsBytes();
        EfsLayout layout = new EfsLayout(ROOT);
        Path file = manifest
                ? layout.latestManifest("FUZZ", BarInterval.ONE_HOUR)
                : layout.snapshotDir("FUZZ", BarInterval.ONE_HOUR, SNAPSHOT_ID).resolve(EfsLayout.SNAPSHOT_HEADER);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        try {
            if (manifest) {
                Optional<SnapshotRef> latest = SnapshotManifest.latest(layout, "FUZZ", BarInterval.ONE_HOUR);
                assertThat(latest).isPresent();
                assertThat(latest.get().symbol()).isEqualTo("FUZZ");
            } else {
                SnapshotRef ref = SnapshotReader.describe(layout, "FUZZ", BarInterval.ONE_HOUR, SNAPSHOT_ID);
                assertThat(ref.snapshotId()).isEqualTo(SNAPSHOT_ID);
                assertThat(ref.rows()).isPositive();
                assertThat(ref.firstTime()).isLessThanOrEqualTo(ref.lastTime());
            }
        } catch (EfsFileException e) {
            assertThat(e.getMessage()).contains(file.getFileName().toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path root() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "phylo-fuzz-meta")
                    : Files.createTempDirectory("phylo-fuzz-meta");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var paths = Files.walk(dir)) {
                    for (Path p :
                            paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    System.err.println("EfsMetadataFuzzTest: could not remove " + dir + ": " + e);
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
