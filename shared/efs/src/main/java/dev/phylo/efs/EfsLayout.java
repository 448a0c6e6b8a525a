package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import dev.phylo.engine.data.BarInterval;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where everything lives in the shared folder ({@code /mnt/phylo} on Lambda, {@code .phylo/efs} locally):
 * <pre>
 * &lt;root&gt;/snapshots/&lt;symbol&gt;/&lt;interval&gt;/latest.json                  manifest: the current snapshot
 * &lt;root&gt;/snapshots/&lt;symbol&gt;/&lt;interval&gt;/&lt;snapshotId&gt;/snapshot.json    header
 * &lt;root&gt;/snapshots/&lt;symbol&gt;/&lt;interval&gt;/&lt;snapshotId&gt;/&lt;column&gt;.npy     time open high low close volume
 * &lt;root&gt;/runs/&lt;runId&gt;/run.json
 * &lt;root&gt;/runs/&lt;runId&gt;/gen-0003/population.json
 * &lt;root&gt;/runs/&lt;runId&gt;/gen-0003/batch-00042.json
 * &lt;root&gt;/runs/&lt;runId&gt;/gen-0003/result-00042.json
 * </pre>
 * Symbols and interval labels pass through {@link PathSegments#encode} ({@code ^GSPC} → {@code %5EGSPC}). Names
 * starting with {@code .} are temporary files of unfinished writes.
 */
public record EfsLayout(Path root) {
    /** The environment variable that points at the shared folder. */
    public static final String ROOT_VARIABLE = "PHYLO_EFS_ROOT";
    /** The mount point used when {@value #ROOT_VARIABLE} is unset: where the functions mount EFS. */
    public static final String DEFAULT_ROOT = "/mnt/phylo";

    public static final String SNAPSHOTS = "snapshots";
    public static final String RUNS = "runs";
    public static final String SNAPSHOT_HEADER = "snapshot.json";
    public static final String LATEST = "latest.json";

    public EfsLayout {
        Objects.requireNonNull(root, "root");
    }

    /** The layout at {@code $PHYLO_EFS_ROOT}, or at {@value #DEFAULT_ROOT} when the variable is unset or blank. */
    public static EfsLayout fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** {@link #fromEnvironment()} over a given environment. */
    public static EfsLayout fromEnvironment(Map<String, String> environment) {
        String root = environment.get(ROOT_VARIABLE);
        return new EfsLayout(Path.of(root == null || root.isBlank() ? DEFAULT_ROOT : root.trim()));
    }

    public Path snapshotsDir() {
        return root.resolve(SNAPSHOTS);
    }

    /** {@code snapshots/<symbol>/<interval>}: the snapshots of one series and its manifest. */
    public Path seriesDir(String symbol, BarInterval interval) {
        Objects.requireNonNull(interval, "interval");
        return snapshotsDir().resolve(PathSegments.encode(symbol)).resolve(PathSegments.encode(interval.toString()));
    }

    public Path latestManifest(String symbol, BarInterval interval) {
        return seriesDir(symbol, interval).resolve(LATEST);
    }

    public Path snapshotDir(String symbol, BarInterval interval, String snapshotId) {
        return seriesDir(symbol, interval).resolve(Checks.hex32("snapshotId", snapshotId));
    }

    public Path snapshotDir(SnapshotRef ref) {
        return root.resolve(ref.relativeDir());
    }

    public Path snapshotHeader(SnapshotRef ref) {
        return snapshotDir(ref).resolve(SNAPSHOT_HEADER);
    }

    public Path runsDir() {
        return root.resolve(RUNS);
    }

    public Path runDir(String runId) {
        return runsDir().resolve(Checks.runId(runId));
    }

    public Path planFile(String runId) {
        return runDir(runId).resolve("run.json");
    }

    /** A walk-forward run's folds: {@code runs/<runId>/folds.json}. */
    public Path walkForwardFile(String runId) {
        return runDir(runId).resolve("folds.json");
    }

    /** {@code runs/<runId>/gen-0003}: generation numbers are zero-padded to 4 digits. */
    public Path generationDir(String runId, int generation) {
        return runDir(runId).resolve("gen-%04d".formatted(Checks.generation(generation)));
    }

    public Path populationFile(String runId, int generation) {
        return generationDir(runId, generation).resolve("population.json");
    }

    /** {@code gen-<g>/batch-00042.json}: batch numbers are zero-padded to 5 digits. */
    public Path batchFile(BatchRef ref) {
        return generationDir(ref.runId(), ref.generation()).resolve("batch-%05d.json".formatted(ref.batch()));
    }

    public Path resultFile(BatchRef ref) {
        return generationDir(ref.runId(), ref.generation()).resolve("result-%05d.json".formatted(ref.batch()));
    }
}
