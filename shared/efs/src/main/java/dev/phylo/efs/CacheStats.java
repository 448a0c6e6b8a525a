package dev.phylo.efs;

/**
 * Counters of a {@link SnapshotCache}.
 *
 * @param hits      calls answered without loading (including calls that waited for another caller's load)
 * @param misses    calls that loaded a snapshot from the shared folder
 * @param evictions entries dropped to stay within the byte bound
 * @param entries   snapshots held now
 * @param bytes     column bytes held now (see {@link SnapshotReader#bytesOf})
 * @param maxBytes  the bound
 */
public record CacheStats(long hits, long misses, long evictions, int entries, long bytes, long maxBytes) {}
