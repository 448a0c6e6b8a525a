package dev.phylo.efs;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A per-process cache of loaded snapshots, for warm Lambda environments (EFS reads cost money: docs/architecture.md, "Read costs and scaling").
 *
 * <p>Keyed by snapshot id: ids are content hashes, so an entry is never stale. Bounded by the column bytes it holds,
 * evicting the least recently used entries; a snapshot larger than the bound is returned but not kept. Thread-safe:
 * concurrent callers asking for the same snapshot share one load. A failed load is not cached; every waiting caller
 * gets its exception and the next call tries again.
 *
 * <p>The returned series' arrays are shared between callers and must not be modified.
 */
public final class SnapshotCache {
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, CompletableFuture<BarSeries>> loading = new HashMap<>();
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;

    private record Entry(BarSeries series, long bytes) {}

    /** A cache holding at most {@code maxBytes} bytes of column data. */
    public SnapshotCache(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The series {@code ref} names, loaded with {@link SnapshotReader#load(EfsLayout, SnapshotRef)} at most once. */
    public BarSeries get(EfsLayout layout, SnapshotRef ref) {
        CompletableFuture<BarSeries> pending;
        synchronized (this) {
            Entry entry = entries.get(ref.snapshotId());
            if (entry != null) {
                hits++;
                return entry.series();
            }
            pending = loading.get(ref.snapshotId());
            if (pending != null) {
                hits++;
            } else {
                misses++;
                loading.put(ref.snapshotId(), new CompletableFuture<>());
            }
        }
        return pending != null ? await(pending) : load(layout, ref);
    }

    /** {@link #get(EfsLayout, SnapshotRef)} by name; a miss reads {@code snapshot.json} first. */
    public BarSeries get(EfsLayout layout, String symbol, BarInterval interval, String snapshotId) {
        synchronized (this) {
            Entry entry = entries.get(snapshotId);
            if (entry != null) {
                hits++;
                return entry.series();
            }
        }
        return get(layout, SnapshotReader.describe(layout, symbol, interval, snapshotId));
    }

    public synchronized CacheStats stats() {
        return new CacheStats(hits, misses, evictions, entries.size(), bytes, maxBytes);
    }

    private BarSeries load(EfsLayout layout, SnapshotRef ref) {
        CompletableFuture<BarSeries> future;
        BarSeries series;
        try {
            series = SnapshotReader.load(layout, ref);
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                future = loading.remove(ref.snapshotId());
            }
            future.completeExceptionally(e);
            throw e;
        }
        synchronized (this) {
            future = loading.remove(ref.snapshotId());
            long size = SnapshotReader.bytesOf(ref);
            entries.put(ref.snapshotId(), new Entry(series, size));
            bytes += size;
            evict();
        }
        future.complete(series);
        return series;
    }

    private void evict() {
        Iterator<Entry> eldestFirst = entries.values().iterator();
        while (bytes > maxBytes && eldestFirst.hasNext()) {
            bytes -= eldestFirst.next().bytes();
            eldestFirst.remove();
            evictions++;
        }
    }

    private static BarSeries await(CompletableFuture<BarSeries> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
