package dev.phylo.efs.internal;

import dev.phylo.engine.data.BarSeries;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The snapshot id and the per-column CRC32C values of a series, from one pass over its columns.
 *
 * <p>The id is the first 32 hex characters (128 bits) of SHA-256 over: the format tag, the symbol and the interval
 * label (each as a little-endian int32 byte length followed by its UTF-8 bytes), the row count as a little-endian
 * int64, then each column's raw little-endian data in the order time, open, high, low, close, volume.
 *
 * @param crcs CRC32C of each column's data bytes, in {@link SnapshotColumn} order
 */
public record SnapshotDigest(String snapshotId, long[] crcs) {
    public static SnapshotDigest of(BarSeries series, ByteBuffer scratch) {
        MessageDigest sha = sha256();
        ByteBuffer prefix = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        prefix = putString(prefix, SnapshotHeaders.FORMAT);
        prefix = putString(prefix, series.symbol());
        prefix = putString(prefix, series.interval().toString());
        prefix = ensure(prefix, Long.BYTES).putLong(series.size());
        sha.update(prefix.flip());
        long[] crcs = new long[SnapshotColumn.values().length];
        for (SnapshotColumn column : SnapshotColumn.values()) {
            ByteBuffer data = ColumnBuffers.fill(series, column, scratch);
            CRC32C crc = new CRC32C();
            crc.update(data.duplicate());
            crcs[column.ordinal()] = crc.getValue();
            sha.update(data);
        }
        String id = HexFormat.of().formatHex(sha.digest(), 0, 16);
        return new SnapshotDigest(id, crcs);
    }

    private static ByteBuffer putString(ByteBuffer buffer, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return ensure(buffer, Integer.BYTES + utf8.length).putInt(utf8.length).put(utf8);
    }

    private static ByteBuffer ensure(ByteBuffer buffer, int more) {
        if (buffer.remaining() >= more) {
            return buffer;
        }
        ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2 + more).order(ByteOrder.LITTLE_ENDIAN);
        return bigger.put(buffer.flip());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this runtime", e);
        }
    }
}
