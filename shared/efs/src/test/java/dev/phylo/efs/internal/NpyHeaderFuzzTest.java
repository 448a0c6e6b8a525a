package dev.phylo.efs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.phylo.efs.SnapshotCorruptException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the {@code .npy} header reader, the first thing read from a snapshot column on EFS
 * (Jazzer; {@code scripts/fuzz} runs it, plain test runs replay {@code NpyHeaderFuzzTestInputs}). Any bytes give a
 * header whose data starts inside the content, or a {@link SnapshotCorruptException} that names the file; a header
 * that numpy would write for one dimension reads back as written.
 */
public class NpyHeaderFuzzTest {

    private static final Path FILE = Path.of("/mnt/phylo/snapshots/FUZZ/1d/x/close.npy");

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        check(data);
    }

    @FuzzTest
    void readsAHeaderOrRefusesNamingTheFile(FuzzedDataProvider data) {
        check(data);
    }

    private static void check(FuzzedDataProvider data) {
        boolean wellFormed = data.consumeBoolean();
        byte[] bytes;
        String descr = null;
        long rows = 0;
        if (wellFormed) {
            descr = data.consumeString(8);
            rows = data.consumeLong(0, Long.MAX_VALUE);
            bytes = NpyHeader.encode(descr, rows);
        } else {
            bytes = data.consumeRemainingAsBytes();
        }
        NpyHeader header;
        try {
            header = NpyHeader.parse(FILE, ByteBuffer.wrap(bytes));
        } catch (SnapshotCorruptException e) {
            assertThat(e.getMessage()).contains(FILE.toString());
            return;
        }
        assertThat(header.dataOffset()).isBetween(10, bytes.length);
        if (wellFormed && descr.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '\'')) {
            assertThat(header.descr()).isEqualTo(descr);
            assertThat(header.shape()).containsExactly(rows);
            assertThat(header.fortranOrder()).isFalse();
        }
    }
}
