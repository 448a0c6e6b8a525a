/**
 * The implementation of {@link dev.phylo.efs}; not an API. It holds the {@code .npy} format
 * ({@link dev.phylo.efs.internal.NpyHeader}, {@link dev.phylo.efs.internal.ColumnBuffers},
 * {@link dev.phylo.efs.internal.ColumnFiles}), the snapshot id and per-column CRC32C
 * ({@link dev.phylo.efs.internal.SnapshotDigest}), the JSON records of {@code snapshot.json} and {@code latest.json}
 * ({@link dev.phylo.efs.internal.SnapshotHeader}, {@link dev.phylo.efs.internal.ColumnEntry},
 * {@link dev.phylo.efs.internal.ManifestEntry}), the one deterministic Jackson configuration
 * ({@link dev.phylo.efs.internal.JsonCodec}), the write-then-rename protocol ({@link dev.phylo.efs.internal.TempFiles})
 * and argument checks. It may use the public types of {@code dev.phylo.efs}, the engine's {@code data} and
 * {@code metrics} packages, Jackson and the JDK. Only {@code dev.phylo.efs} may use it. The one exception is
 * native-image reflection: {@link dev.phylo.efs.EfsJson#JSON_TYPES} lists these three records, and a function that
 * reads snapshots or manifests in a native image must register them (the report function names them for that purpose
 * only).
 */
package dev.phylo.efs.internal;
