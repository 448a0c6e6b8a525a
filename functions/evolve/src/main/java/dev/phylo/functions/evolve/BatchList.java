package dev.phylo.functions.evolve;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A run's batch list, by reference (docs/architecture.md, "References, not payloads"): the JSON array
 * {@code [{"batch":0}, {"batch":1}, ...]} at {@code s3://bucket/key}, which the Distributed Map reads with its
 * ItemReader, and the prefix under which its ResultWriter puts each map run's child results. No state carries a list
 * that grows with the population.
 */
@RegisterForReflection
public record BatchList(String bucket, String key, String resultsPrefix) {}
