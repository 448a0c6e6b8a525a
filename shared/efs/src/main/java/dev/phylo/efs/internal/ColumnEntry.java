package dev.phylo.efs.internal;

/**
 * One column in {@code snapshot.json}.
 *
 * @param name       {@code time}, {@code open}, {@code high}, {@code low}, {@code close} or {@code volume}
 * @param dtype      numpy dtype string: {@code <i8} for time, {@code <f8} otherwise
 * @param file       the {@code .npy} file name in the snapshot directory
 * @param dataOffset offset of the first data byte in the file (a multiple of 64)
 * @param bytes      number of data bytes (rows × 8)
 * @param crc32c     CRC32C of the data bytes, 8 lower-case hex digits
 */
public record ColumnEntry(String name, String dtype, String file, long dataOffset, long bytes, String crc32c) {}
