/**
 * The shared folder (EFS at {@code /mnt/phylo} on Lambda, a local directory otherwise): immutable, content-addressed
 * market snapshots stored as one NumPy {@code .npy} file per column, and the per-run files the functions exchange.
 *
 * <p>Entry points: {@link dev.phylo.efs.EfsLayout} (where things live), {@link dev.phylo.efs.SnapshotWriter},
 * {@link dev.phylo.efs.SnapshotReader}, {@link dev.phylo.efs.SnapshotManifest}, {@link dev.phylo.efs.SnapshotCache},
 * {@link dev.phylo.efs.RunFiles} and {@link dev.phylo.efs.AtomicFiles}. Every write goes to a temporary name and is
 * renamed atomically; {@code dev.phylo.efs.internal} holds the implementation.
 */
package dev.phylo.efs;
