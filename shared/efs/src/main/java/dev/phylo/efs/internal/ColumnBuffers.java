package dev.phylo.efs.internal;

import dev.phylo.engine.data.BarSeries;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Encodes a series' columns as little-endian bytes, in bulk. */
public final class ColumnBuffers {
    private ColumnBuffers() {}

    /** A buffer big enough for one column of {@code series}, to pass to {@link #fill}. */
    public static ByteBuffer scratch(BarSeries series) {
        return ByteBuffer.allocate(Math.toIntExact(SnapshotHeaders.dataBytes(series.size())))
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Fills {@code scratch} with {@code column}'s raw little-endian values; position 0, limit = data length. */
    public static ByteBuffer fill(BarSeries series, SnapshotColumn column, ByteBuffer scratch) {
        scratch.clear();
        switch (column) {
            case TIME -> scratch.asLongBuffer().put(series.time());
            case OPEN -> scratch.asDoubleBuffer().put(series.open());
            case HIGH -> scratch.asDoubleBuffer().put(series.high());
            case LOW -> scratch.asDoubleBuffer().put(series.low());
            case CLOSE -> scratch.asDoubleBuffer().put(series.close());
            case VOLUME -> scratch.asDoubleBuffer().put(series.volume());
            default -> throw new IllegalStateException("unknown column " + column);
        }
        scratch.limit(Math.toIntExact(SnapshotHeaders.dataBytes(series.size())));
        return scratch;
    }
}
