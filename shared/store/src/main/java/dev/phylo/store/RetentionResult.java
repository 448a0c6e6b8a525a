package dev.phylo.store;

/**
 * What a retention pass removed. With TimescaleDB whole chunks are dropped (counted as chunks, rows unknown);
 * otherwise rows are deleted by time.
 */
public record RetentionResult(
        boolean timescale,
        String cutoff,
        long marketDataRows,
        long marketDataChunks,
        long metricsRows,
        long metricsChunks) {}
