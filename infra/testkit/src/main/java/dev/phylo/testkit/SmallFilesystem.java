package dev.phylo.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real, small filesystem mounted on a directory for a test (a tmpfs of a few KiB), to fill up or turn read-only
 * under code that writes there: a full or read-only EFS, as the kernel reports it (ENOSPC, EROFS). Mounting needs
 * root (CAP_SYS_ADMIN), which {@code .ci/run} has; elsewhere {@link #mount} returns empty and the test is skipped.
 */
public final class SmallFilesystem implements AutoCloseable {

    private static final String FILLER = ".filler";

    private final Path dir;

    private SmallFilesystem(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code kib} KiB on {@code dir} (created if missing); empty if this process may not mount. */
    public static Optional<SmallFilesystem> mount(Path dir, int kib) throws IOException {
        Files.createDirectories(dir);
        if (!run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0755", "tmpfs", dir.toString())) {
            return Optional.empty();
        }
        return Optional.of(new SmallFilesystem(dir));
    }

    /** Fills the filesystem: a filler file grows until the kernel says there is no space left. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILLER))) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    /** Frees the space {@link #fill} took. */
    public void free() throws IOException {
        Files.deleteIfExists(dir.resolve(FILLER));
    }

    /** Remounts read-only, or back read-write. */
    public void readOnly(boolean readOnly) {
        if (!run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), dir.toString())) {
            throw new IllegalStateException("could not remount " + dir + (readOnly ? " read-only" : " read-write"));
        }
    }

    /** Every file on the filesystem but the filler, relative to its root. */
    public List<String> files() throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .filter(name -> !name.equals(FILLER))
                    .sorted()
                    .toList();
        }
    }

    /** Unmounts (lazily, so that a file a test left open does not keep it). */
    @Override
    public void close() {
        run("umount", "-l", dir.toString());
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            if (p.exitValue() != 0) {
                System.err.println("SmallFilesystem: " + String.join(" ", command) + ": " + output.strip());
                return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
