package dev.phylo.stepfunctions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreTest {

    @TempDir
    Path root;

    @Test
    void aDirectoryStoreKeepsBucketAndKeyAsAPathUnderItsRoot() throws IOException {
        ObjectStore store = ObjectStore.directory(root);
        store.put("runs", "gen-0/items.json", "[1, 2]".getBytes(UTF_8));
        assertThat(Files.readString(root.resolve("runs/gen-0/items.json"))).isEqualTo("[1, 2]");
        assertThat(store.get("runs", "gen-0/items.json"))
                .hasValueSatisfying(b -> assertThat(new String(b, UTF_8)).isEqualTo("[1, 2]"));
    }

    @Test
    void aMissingObjectIsEmpty() throws IOException {
        ObjectStore store = ObjectStore.directory(root);
        assertThat(store.get("runs", "nothing.json")).isEmpty();
        store.put("runs", "a/b.json", new byte[0]);
        assertThat(store.get("runs", "a")).isEmpty(); // a "folder" is no object
        assertThat(store.get("other", "a/b.json")).isEmpty();
    }

    @Test
    void putReplacesTheObjectAndLeavesNoTemporaryFile() throws IOException {
        ObjectStore store = ObjectStore.directory(root);
        store.put("b", "k.json", "old".getBytes(UTF_8));
        store.put("b", "k.json", "new".getBytes(UTF_8));
        assertThat(new String(store.get("b", "k.json").orElseThrow(), UTF_8)).isEqualTo("new");
        try (Stream<Path> files = Files.list(root.resolve("b"))) {
            assertThat(files).containsExactly(root.resolve("b/k.json"));
        }
    }

    @Test
    void namesThatWouldLeaveTheRootAreRefused() {
        ObjectStore store = ObjectStore.directory(root.resolve("store"));
        for (String[] bad : new String[][] {
            {"b", "../escape"},
            {"b", "a/../../escape"},
            {"b", "/etc/passwd"},
            {"b", "a//b"},
            {"b", "a/"},
            {"b", ""},
            {"b", "./a"},
            {"..", "k"},
            {"a/b", "k"},
            {"", "k"},
            {".", "k"}
        }) {
            assertThatThrownBy(() -> store.put(bad[0], bad[1], new byte[] {1}))
                    .as("s3://%s/%s", bad[0], bad[1])
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.get(bad[0], bad[1]))
                    .as("s3://%s/%s", bad[0], bad[1])
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(root.resolve("escape")).doesNotExist();
        assertThat(root.resolve("store")).doesNotExist();
    }

    @Test
    void noStoreFailsEveryCallSayingHowToConfigureOne() {
        ObjectStore none = ExecutionOptions.defaults().objectStore();
        assertThatThrownBy(() -> none.get("b", "k"))
                .isInstanceOf(IOException.class)
                .hasMessage("no object store is configured for this execution (ExecutionOptions.withObjectStore)");
        assertThatThrownBy(() -> none.put("b", "k", new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ExecutionOptions.withObjectStore");
    }
}
