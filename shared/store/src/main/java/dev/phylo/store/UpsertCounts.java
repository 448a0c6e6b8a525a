package dev.phylo.store;

/** What an upsert did: new rows, rows whose values changed, rows already present with the same values. */
public record UpsertCounts(long inserted, long updated, long unchanged) {

    public static final UpsertCounts NONE = new UpsertCounts(0, 0, 0);

    public UpsertCounts {
        if (inserted < 0 || updated < 0 || unchanged < 0) {
            throw new IllegalArgumentException("negative count: " + inserted + "/" + updated + "/" + unchanged);
        }
    }

    public UpsertCounts plus(UpsertCounts other) {
        return new UpsertCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
    }

    public long total() {
        return inserted + updated + unchanged;
    }
}
