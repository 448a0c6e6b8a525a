package dev.phylo.efs.internal;

/** The columns of a snapshot, in their fixed order (the order of the content hash and of {@code snapshot.json}). */
public enum SnapshotColumn {
    TIME("time", "<i8"),
    OPEN("open", "<f8"),
    HIGH("high", "<f8"),
    LOW("low", "<f8"),
    CLOSE("close", "<f8"),
    VOLUME("volume", "<f8");

    /** Every column holds 8-byte values. */
    public static final int ITEM_BYTES = 8;

    private final String label;
    private final String dtype;

    SnapshotColumn(String label, String dtype) {
        this.label = label;
        this.dtype = dtype;
    }

    /** The column's name in {@code snapshot.json}. */
    public String label() {
        return label;
    }

    /** The numpy dtype string: little-endian 8-byte integer or float. */
    public String dtype() {
        return dtype;
    }

    public String fileName() {
        return label + ".npy";
    }
}
