package dev.phylo.functions.maintenance;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a retention pass may override; every field is optional.
 *
 * @param maxAge     market data and metrics older than this go (ISO-8601, {@code P90D}); default
 *                   {@code phylo.retention.max-age}
 * @param runsMaxAge run folders of runs that ended longer ago than this go (ISO-8601); default
 *                   {@code phylo.retention.runs-max-age}
 * @param dryRun     true: count what would go and delete nothing
 */
@RegisterForReflection
public record RetentionRequest(String maxAge, String runsMaxAge, Boolean dryRun) {

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }
}
