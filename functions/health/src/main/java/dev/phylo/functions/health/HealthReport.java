package dev.phylo.functions.health;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** The SmallRye Health readiness report: overall status and each check with its data. */
@RegisterForReflection
public record HealthReport(String status, List<Check> checks) {

    @RegisterForReflection
    public record Check(String name, String status, Map<String, Object> data) {}
}
