package dev.phylo.lambda.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The fresh, empty working directory a JVM function process gets when its config names none, and its removal once
 * the process is gone (or could not start).
 */
final class TemporaryWorkDir {

    private TemporaryWorkDir() {}

    static Path create(String functionName) throws IOException {
        return Files.createTempDirectory("phylo-lambda-" + functionName + "-");
    }

    /**
     * Deletes {@code dir} and everything in it; null or a missing directory is fine. Best effort: whatever cannot be
     * deleted stays in the system's temporary directory, which harms neither the function process (already gone or
     * never started) nor its caller, so a failure is not reported.
     */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort (see above): the file stays in the temporary directory
                }
            });
        } catch (IOException e) {
            // best effort (see above): the directory vanished or cannot be listed; nothing left to do
        }
    }
}
