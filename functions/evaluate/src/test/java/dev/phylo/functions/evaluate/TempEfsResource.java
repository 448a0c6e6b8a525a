package dev.phylo.functions.evaluate;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A fresh shared folder per test run, handed to the function as {@code phylo.efs.root}. */
public class TempEfsResource implements QuarkusTestResourceLifecycleManager {

    static Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("phylo-efs-evaluate-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("phylo.efs.root", root.toString());
    }

    @Override
    public void stop() {
        // left for inspection under the temp directory; the OS cleans it
    }
}
