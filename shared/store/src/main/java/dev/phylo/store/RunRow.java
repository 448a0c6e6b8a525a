package dev.phylo.store;

import java.time.OffsetDateTime;

/** A row of {@code runs}: the run's configuration, status, progress and best strategy so far. */
public record RunRow(
        String runId,
        String configJson,
        long seed,
        String status,
        int generationsPlanned,
        Integer generation,
        long evaluated,
        String bestStrategyId,
        Double bestFitness,
        Integer bestGeneration,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime finishedAt,
        String error) {}
