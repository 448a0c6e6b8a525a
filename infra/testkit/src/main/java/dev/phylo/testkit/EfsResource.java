package dev.phylo.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fresh shared folder (the local stand-in for EFS) per Quarkus application start, handed to the function as
 * {@code phylo.efs.root}. Tests read it through {@link #root()}.
 */
public class EfsResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("phylo-efs-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary EFS root", e);
        }
        return Map.of("phylo.efs.root", root.toString());
    }

    @Override
    public void stop() {
        // kept under the temp directory for inspection after a failure
    }

    /** The folder of the application currently under test. */
    public static Path root() {
        if (root == null) {
            throw new IllegalStateException(
                    "EfsResource has not started: annotate the test with " + "@QuarkusTestResource(EfsResource.class)");
        }
        return root;
    }
}
