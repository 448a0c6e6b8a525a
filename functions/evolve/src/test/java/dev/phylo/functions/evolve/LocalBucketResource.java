package dev.phylo.functions.evolve;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The work bucket as a local run has it: a folder standing in for S3 ({@code <root>/<bucket>/<key>}). */
public class LocalBucketResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "phylo-work-test";
    private static volatile Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("phylo-s3-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary S3 stand-in", e);
        }
        return Map.of("phylo.work.bucket", BUCKET, "phylo.work.local-root", root.toString());
    }

    @Override
    public void stop() {
        // kept under the temp directory for inspection after a failure
    }

    /** The file holding {@code s3://BUCKET/key}. */
    static Path object(String key) {
        return root.resolve(BUCKET).resolve(key);
    }
}
