package dev.phylo.functions.health;

import dev.phylo.telemetry.Emf;
import dev.phylo.telemetry.Metric;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The shared folder is mounted, a directory, and works: a probe file is written, read back and deleted. Emits
 * {@value #HEALTHY} (1 or 0) and, when the file system reports it, {@value #USED}: its used space from one
 * {@code statfs} call (docs/architecture.md, "Monitoring"), never a walk of the tree.
 */
@Readiness
@ApplicationScoped
public class EfsCheck implements HealthCheck {

    public static final String HEALTHY = "EfsMountHealthy";
    public static final String USED = "EfsStorageUsedBytes";

    private static final String PROBE = "ok";

    private final Path root;

    EfsCheck(@ConfigProperty(name = "phylo.efs.root") Path root) {
        this.root = root;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("efs").withData("root", root.toString());
        List<Metric> metrics = new ArrayList<>();
        String problem = probe();
        metrics.add(Metric.flag(HEALTHY, problem == null));
        if (problem == null) {
            try {
                long used = usedBytes(Files.getFileStore(root));
                if (used >= 0) {
                    metrics.add(Metric.bytes(USED, used));
                    response.withData("usedBytes", used);
                } else {
                    response.withData("usedBytes", "not reported by the file system");
                }
            } catch (IOException e) {
                problem = "its file system cannot be read: " + e;
            }
        }
        Emf.emit(metrics.toArray(Metric[]::new));
        return problem == null
                ? response.up().build()
                : response.down().withData("error", problem).build();
    }

    /** Null when the folder is a directory where a file can be written, read back and deleted; else what failed. */
    private String probe() {
        if (!Files.isDirectory(root)) {
            return "not a directory (is the file system mounted?)";
        }
        Path probe = root.resolve(".health-" + UUID.randomUUID());
        try {
            Files.writeString(probe, PROBE);
            String read = Files.readString(probe);
            Files.delete(probe);
            return read.equals(PROBE) ? null : "the probe file read back as '" + read + "', not '" + PROBE + "'";
        } catch (IOException e) {
            return "a probe file could not be written, read and deleted: " + e;
        }
    }

    /**
     * The used space of the whole file system the folder is on (on EFS, the file system's, not only this access
     * point's): total minus unallocated, as {@code statfs} reports them. -1 when the JDK could not represent the
     * total: it caps block count × block size at {@link Long#MAX_VALUE}, and a difference from a capped total would be
     * wrong.
     */
    static long usedBytes(FileStore store) throws IOException {
        long total = store.getTotalSpace();
        if (total == Long.MAX_VALUE) {
            return -1;
        }
        return total - store.getUnallocatedSpace();
    }
}
