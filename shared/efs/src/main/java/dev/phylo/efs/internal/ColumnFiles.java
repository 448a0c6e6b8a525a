package dev.phylo.efs.internal;

import dev.phylo.efs.EfsFileException;
import dev.phylo.efs.SnapshotCorruptException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/** Maps one column's {@code .npy} file and checks it against its {@code snapshot.json} entry. */
public final class ColumnFiles {
    private ColumnFiles() {}

    /**
     * The column's data bytes, memory-mapped read-only and little-endian, after checking the file size, the npy header
     * (magic, version, dtype, fortran_order, shape) and the CRC32C of the data.
     */
    public static ByteBuffer checkedData(Path file, ColumnEntry entry, int rows) {
        MappedByteBuffer content = map(file, entry);
        NpyHeader npy = NpyHeader.parse(file, content);
        if (!npy.descr().equals(entry.dtype())) {
            throw corrupt(file, entry, "dtype is '%s', expected '%s'".formatted(npy.descr(), entry.dtype()));
        }
        if (npy.fortranOrder()) {
            throw corrupt(file, entry, "fortran_order is True, expected False");
        }
        if (npy.shape().length != 1 || npy.shape()[0] != rows) {
            throw corrupt(file, entry, "shape is %s, expected (%d,)".formatted(Arrays.toString(npy.shape()), rows));
        }
        if (npy.dataOffset() != entry.dataOffset()) {
            throw corrupt(
                    file,
                    entry,
                    "data starts at byte %d, snapshot.json says %d".formatted(npy.dataOffset(), entry.dataOffset()));
        }
        ByteBuffer data =
                content.slice(npy.dataOffset(), Math.toIntExact(entry.bytes())).order(ByteOrder.LITTLE_ENDIAN);
        CRC32C crc = new CRC32C();
        crc.update(data.duplicate());
        String actual = SnapshotHeaders.crcHex(crc.getValue());
        if (!actual.equals(entry.crc32c())) {
            throw corrupt(
                    file,
                    entry,
                    "CRC32C mismatch: data has %s, snapshot.json says %s".formatted(actual, entry.crc32c()));
        }
        return data;
    }

    private static MappedByteBuffer map(Path file, ColumnEntry entry) {
        long expected = entry.dataOffset() + entry.bytes();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < expected) {
                throw corrupt(
                        file,
                        entry,
                        "truncated: %d bytes, expected %d (%d header + %d data)"
                                .formatted(size, expected, entry.dataOffset(), entry.bytes()));
            }
            if (size > expected) {
                throw corrupt(
                        file,
                        entry,
                        "%d bytes, expected %d (%d header + %d data): trailing bytes"
                                .formatted(size, expected, entry.dataOffset(), entry.bytes()));
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (NoSuchFileException e) {
            throw new SnapshotCorruptException(
                    file, "column '%s' is missing from the snapshot".formatted(entry.name()), e);
        } catch (IOException e) {
            throw new EfsFileException(file, "cannot map column '%s': %s".formatted(entry.name(), e), e);
        }
    }

    private static SnapshotCorruptException corrupt(Path file, ColumnEntry entry, String problem) {
        return new SnapshotCorruptException(file, "column '%s': %s".formatted(entry.name(), problem));
    }
}
