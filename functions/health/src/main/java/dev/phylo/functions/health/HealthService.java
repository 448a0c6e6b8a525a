package dev.phylo.functions.health;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Runs every readiness check (the built-in reactive datasource check and ours) and reports. */
@ApplicationScoped
public class HealthService {

    private static final Logger LOG = Logger.getLogger(HealthService.class);

    private final SmallRyeHealthReporter reporter;

    HealthService(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    public HealthReport check() {
        SmallRyeHealth health = reporter.getReadinessAsync().await().indefinitely();
        JsonObject payload = health.getPayload();
        List<HealthReport.Check> checks = new ArrayList<>();
        for (JsonValue value : payload.getJsonArray("checks")) {
            JsonObject check = value.asJsonObject();
            Map<String, Object> data = new LinkedHashMap<>();
            JsonObject raw = check.getJsonObject("data");
            if (raw != null) {
                raw.forEach(
                        (k, v) -> data.put(k, v instanceof JsonString ? ((JsonString) v).getString() : v.toString()));
            }
            checks.add(new HealthReport.Check(check.getString("name"), check.getString("status"), data));
        }
        HealthReport report = new HealthReport(payload.getString("status"), checks);
        if (health.isDown()) {
            String down = checks.stream()
                    .filter(c -> !c.status().equals("UP"))
                    .map(c -> c.name() + " " + c.data())
                    .collect(Collectors.joining("; "));
            LOG.errorf("health DOWN: %s", down);
            throw new HealthCheckFailedException("Phylo is not ready: " + down);
        }
        return report;
    }
}
