package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    record Sample(String name, Map<String, Integer> counts, double value) {}

    @Test
    void writeReportsCreatedUnchangedReplacedAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("sub/a.txt");
        assertThat(AtomicFiles.write(target, bytes("one"))).isEqualTo(WriteOutcome.CREATED);
        assertThat(AtomicFiles.write(target, bytes("one"))).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(AtomicFiles.write(target, bytes("two"))).isEqualTo(WriteOutcome.REPLACED);
        assertThat(Files.readString(target)).isEqualTo("two");
        assertThat(names(target.getParent())).containsExactly("a.txt");
    }

    @Test
    void writeOnceRefusesDifferentContent() {
        Path target = dir.resolve("once.json");
        assertThat(AtomicFiles.writeOnce(target, bytes("x"))).isEqualTo(WriteOutcome.CREATED);
        assertThat(AtomicFiles.writeOnce(target, bytes("x"))).isEqualTo(WriteOutcome.UNCHANGED);
        assertThatThrownBy(() -> AtomicFiles.writeOnce(target, bytes("y")))
                .isInstanceOf(FileConflictException.class)
                .hasMessageContaining(target.toString())
                .hasMessageContaining("different content");
    }

    @Test
    void jsonIsCompactWithSortedMapKeysAndATrailingNewline() throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("zeta", 1);
        counts.put("alpha", 2);
        Path target = dir.resolve("s.json");
        AtomicFiles.writeJson(target, new Sample("n", counts, 0.1));
        assertThat(Files.readString(target))
                .isEqualTo("{\"name\":\"n\",\"counts\":{\"alpha\":2,\"zeta\":1},\"value\":0.1}\n");
        assertThat(AtomicFiles.readJson(target, Sample.class)).isEqualTo(new Sample("n", counts, 0.1));
    }

    @Test
    void readJsonNamesAMissingFile() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> AtomicFiles.readJson(missing, Sample.class))
                .isInstanceOf(EfsFileNotFoundException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("missing");
    }

    @Test
    void readJsonSaysWhatIsWrongWithACorruptFile() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"name\":\"n\",\"counts\":{}");
        assertThatThrownBy(() -> AtomicFiles.readJson(file, Sample.class))
                .isInstanceOf(EfsFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("not a valid Sample");

        Files.writeString(file, "{\"name\":\"n\",\"counts\":{},\"value\":1,\"extra\":2}");
        assertThatThrownBy(() -> AtomicFiles.readJson(file, Sample.class)).hasMessageContaining("extra");

        Files.writeString(file, "{\"name\":\"n\",\"counts\":{}}");
        assertThatThrownBy(() -> AtomicFiles.readJson(file, Sample.class)).hasMessageContaining("value");

        Files.writeString(file, "");
        assertThatThrownBy(() -> AtomicFiles.readJson(file, Sample.class)).hasMessageContaining("empty file");
    }

    @Test
    void aTemporaryFileLeftByACrashedWriterDoesNotDisturbReadersOrTheNextWrite() throws IOException {
        Path target = dir.resolve("r.json");
        AtomicFiles.writeJson(target, new Sample("old", Map.of(), 1));
        Path leftover = dir.resolve(".tmp-r.json-00000000deadbeef");
        Files.writeString(leftover, "{\"name\":\"half");
        assertThat(AtomicFiles.isTemporary(leftover)).isTrue();
        assertThat(AtomicFiles.isTemporary(target)).isFalse();

        assertThat(AtomicFiles.readJson(target, Sample.class).name()).isEqualTo("old");
        assertThat(AtomicFiles.writeJson(target, new Sample("new", Map.of(), 1)))
                .isEqualTo(WriteOutcome.REPLACED);
        assertThat(AtomicFiles.readJson(target, Sample.class).name()).isEqualTo("new");
        assertThat(names(dir))
                .containsExactlyInAnyOrder("r.json", leftover.getFileName().toString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
