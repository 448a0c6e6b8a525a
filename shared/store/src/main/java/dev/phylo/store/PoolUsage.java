package dev.phylo.store;

/**
 * What {@link PoolMetrics} counted over one invocation.
 *
 * @param peakActive        the most connections held at once
 * @param idle              connections open in the pool and not held at the end
 * @param failedConnections transactions that could not get a connection (each retry counts)
 */
public record PoolUsage(int peakActive, int idle, int failedConnections) {}
