package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {

    private static final Instant OLD = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path root;

    @TempDir
    Path outside;

    private RunFolders folders() {
        return new RunFolders(new EfsLayout(root));
    }

    @Test
    void listsRunIdsAndSetsAsideOtherNames() throws IOException {
        assertThat(folders().list().runIds()).isEmpty(); // no runs/ yet

        Files.createDirectories(root.resolve("runs/b-run"));
        Files.createDirectories(root.resolve("runs/a-run"));
        Files.createDirectories(root.resolve("runs/Not_A_Run"));
        Files.writeString(root.resolve("runs/.tmp-1"), "x");

        RunFolders.Listing listing = folders().list();

        assertThat(listing.runIds()).containsExactly("a-run", "b-run");
        assertThat(listing.ignored()).containsExactly(".tmp-1", "Not_A_Run");
    }

    @Test
    void measuresFilesBytesAndTheNewestModification() throws IOException {
        Path run = Files.createDirectories(root.resolve("runs/r1/gen-0000"));
        Files.write(run.resolve("batch-00000.json"), new byte[1000]);
        Files.write(run.resolve("result-00000.json"), new byte[234]);
        Files.write(run.getParent().resolve("run.json"), new byte[66]);
        age(root.resolve("runs/r1"), OLD);
        Instant newest = OLD.plusSeconds(3600);
        Files.setLastModifiedTime(run.resolve("result-00000.json"), FileTime.from(newest));

        FolderUsage usage = folders().measure("r1");

        assertThat(usage).isEqualTo(new FolderUsage(3, 1000 + 234 + 66, newest));
    }

    @Test
    void deletesTheFolderAndReportsWhatItHeld() throws IOException {
        Path run = Files.createDirectories(root.resolve("runs/r1/gen-0001"));
        Files.write(run.resolve("population.json"), new byte[500]);
        Files.createDirectories(root.resolve("runs/r2"));
        age(root.resolve("runs/r1"), OLD);

        FolderUsage usage = folders().delete("r1", CUTOFF);

        assertThat(usage).isEqualTo(new FolderUsage(1, 500, OLD));
        assertThat(root.resolve("runs/r1")).doesNotExist();
        assertThat(root.resolve("runs/r2")).isDirectory();
    }

    @Test
    void aLinkInsideARunFolderGoesAsALinkAndItsTargetStays() throws IOException {
        Path precious = Files.writeString(outside.resolve("precious.txt"), "keep me");
        Files.createDirectories(outside.resolve("tree/deep"));
        Files.writeString(outside.resolve("tree/deep/file.txt"), "keep me too");
        Path run = Files.createDirectories(root.resolve("runs/r1"));
        Files.createSymbolicLink(run.resolve("to-file"), precious);
        Files.createSymbolicLink(run.resolve("to-tree"), outside.resolve("tree"));
        age(run, OLD);

        FolderUsage usage = folders().delete("r1", CUTOFF);

        // two entries, no regular file: a link's size is never counted, and nothing behind it was visited
        assertThat(usage.files()).isEqualTo(2);
        assertThat(usage.bytes()).isZero();
        assertThat(run).doesNotExist();
        assertThat(precious).hasContent("keep me");
        assertThat(outside.resolve("tree/deep/file.txt")).hasContent("keep me too");
    }

    @Test
    void aRunFolderThatIsALinkIsRefusedAndLeft() throws IOException {
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        Files.createDirectories(root.resolve("runs"));
        Path link = Files.createSymbolicLink(root.resolve("runs/r1"), outside);

        assertThat(folders().list().runIds()).containsExactly("r1");
        assertThatThrownBy(() -> folders().delete("r1", CUTOFF))
                .isInstanceOf(EfsFileException.class)
                .hasMessageContaining(root.resolve("runs/r1").toString())
                .hasMessageContaining("symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(outside.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void aRunsFolderThatIsALinkIsRefused() throws IOException {
        Files.createDirectories(outside.resolve("r1"));
        Files.writeString(outside.resolve("r1/run.json"), "{}");
        Files.createSymbolicLink(root.resolve("runs"), outside);

        assertThatThrownBy(() -> folders().list())
                .isInstanceOf(EfsFileException.class)
                .hasMessageContaining("a symbolic link is refused");
        assertThatThrownBy(() -> folders().delete("r1", CUTOFF)).isInstanceOf(EfsFileException.class);
        assertThat(outside.resolve("r1/run.json")).exists();
    }

    @Test
    void aFileModifiedAfterTheCutoffStopsTheDelete() throws IOException {
        Path run = Files.createDirectories(root.resolve("runs/r1"));
        Path late = Files.writeString(run.resolve("late.json"), "{}");
        age(run, OLD);
        Files.setLastModifiedTime(late, FileTime.from(CUTOFF.plusSeconds(1)));

        assertThatThrownBy(() -> folders().delete("r1", CUTOFF))
                .isInstanceOf(EfsFileException.class)
                .hasMessageContaining(late.toString())
                .hasMessageContaining("after " + CUTOFF);
        assertThat(late).exists();
    }

    @Test
    void aFolderThatVanishedIsAnError() {
        assertThatThrownBy(() -> folders().measure("r1")).isInstanceOf(FileSystemException.class);
    }

    @Test
    void refusesANameThatIsNotARunId() {
        assertThatThrownBy(() -> folders().delete("../etc", CUTOFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad runId");
    }

    @Test
    void anUnmountedRootIsAnError() {
        RunFolders missing = new RunFolders(new EfsLayout(root.resolve("not-mounted")));

        assertThatThrownBy(missing::list)
                .isInstanceOf(EfsFileException.class)
                .hasMessageContaining("is the file system mounted?");
    }

    /** Sets the modification time of {@code dir} and every entry under it, links included, to {@code time}. */
    static void age(Path dir, Instant time) throws IOException {
        List<Path> all;
        try (var walk = Files.walk(dir)) {
            all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        }
        for (Path p : all) {
            // a link's own time (lutimes), not its target's
            Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(FileTime.from(time), null, null);
        }
    }
}
