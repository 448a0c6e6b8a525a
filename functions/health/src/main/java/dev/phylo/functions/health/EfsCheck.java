package dev.phylo.functions.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The shared folder is mounted, a directory, and writable (a probe file is written and removed). */
@Readiness
@ApplicationScoped
public class EfsCheck implements HealthCheck {

    private final Path root;

    EfsCheck(@ConfigProperty(name = "phylo.efs.root") Path root) {
        this.root = root;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("efs").withData("root", root.toString());
        if (!Files.isDirectory(root)) {
            return response.down()
                    .withData("error", "not a directory (is the file system mounted?)")
                    .build();
        }
        Path probe = root.resolve(".health-" + UUID.randomUUID());
        try {
            Files.writeString(probe, "ok");
            Files.delete(probe);
            return response.up().build();
        } catch (IOException e) {
            return response.down().withData("error", "not writable: " + e).build();
        }
    }
}
