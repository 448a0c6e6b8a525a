/**
 * The shared folder (EFS at {@code /mnt/phylo} on Lambda, a local directory otherwise): immutable, content-addressed
 * market snapshots stored as one NumPy {@code .npy} file per column, and the per-run files through which the functions
 * hand work to each other (Step Functions passes only references such as {@link dev.phylo.efs.BatchRef}).
 *
 * <p>Entry points: {@link dev.phylo.efs.EfsLayout} (where things live), {@link dev.phylo.efs.SnapshotWriter},
 * {@link dev.phylo.efs.SnapshotReader}, {@link dev.phylo.efs.SnapshotManifest} (the current snapshot of each series),
 * {@link dev.phylo.efs.SnapshotCache} (per-process cache for warm Lambdas), {@link dev.phylo.efs.RunFiles} (the run
 * plan, populations, batches and results: {@link dev.phylo.efs.RunPlan}, {@link dev.phylo.efs.Population},
 * {@link dev.phylo.efs.Batch}, {@link dev.phylo.efs.BatchResult}), {@link dev.phylo.efs.AtomicFiles} and
 * {@link dev.phylo.efs.RunFolders} (retention's view of {@code runs/}: list, measure and delete run folders without
 * following a link). Every write goes to a temporary name and is renamed atomically, and run files are write-once
 * (different bytes under the same name fail with {@link dev.phylo.efs.FileConflictException}), so a replayed step
 * changes nothing. The package may depend on
 * the engine ({@link dev.phylo.engine.data.BarSeries}, {@link dev.phylo.engine.data.BarInterval},
 * {@link dev.phylo.engine.metrics.Metrics}), Jackson and the JDK only: no database, no Quarkus, no AWS SDK (the files
 * are reached through the mount, never an API), so the evaluate function can run on it without the store.
 * {@code dev.phylo.efs.internal} holds the implementation.
 */
package dev.phylo.efs;
