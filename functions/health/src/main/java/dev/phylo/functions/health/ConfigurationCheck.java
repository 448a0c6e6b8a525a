package dev.phylo.functions.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The configuration makes sense: a database is configured (NEON_DATABASE_URL or NEON_SECRET_ARN), TLS is on for a
 * remote host, the pool is small, and the EFS root is absolute. Reports settings, never credentials.
 */
@Readiness
@ApplicationScoped
public class ConfigurationCheck implements HealthCheck {

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    Optional<List<String>> url;

    @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode", defaultValue = "disable")
    String sslMode;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int poolSize;

    @ConfigProperty(name = "phylo.efs.root")
    Path efsRoot;

    @Override
    public HealthCheckResponse call() {
        List<String> problems = new ArrayList<>();
        String target = url.filter(u -> !u.isEmpty()).map(u -> u.get(0)).orElse(null);
        if (target == null) {
            problems.add("no database configured: set NEON_DATABASE_URL or NEON_SECRET_ARN");
        } else if (!isLoopback(target) && !sslMode.startsWith("verify")) {
            problems.add("TLS mode " + sslMode + " for a remote database: use sslmode=verify-full");
        }
        if (poolSize > 10) {
            problems.add("pool max-size " + poolSize + " is large for Lambda (one request per environment)");
        }
        if (!efsRoot.isAbsolute()) {
            problems.add("phylo.efs.root " + efsRoot + " is not absolute");
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("configuration")
                .withData("database", target == null ? "none" : target)
                .withData("sslMode", sslMode)
                .withData("poolSize", poolSize)
                .withData("efsRoot", efsRoot.toString());
        if (!problems.isEmpty()) {
            return response.down()
                    .withData("error", String.join("; ", problems))
                    .build();
        }
        return response.up().build();
    }

    private static boolean isLoopback(String url) {
        return url.contains("://localhost") || url.contains("://127.0.0.1") || url.contains("://[::1]");
    }
}
