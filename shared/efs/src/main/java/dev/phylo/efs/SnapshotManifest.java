package dev.phylo.efs;

import dev.phylo.efs.internal.ManifestEntry;
import dev.phylo.engine.data.BarInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The current snapshot of each series: {@code snapshots/<symbol>/<interval>/latest.json}, replaced atomically. One
 * file per symbol and interval, so concurrent ingests of different series never overwrite each other's update; for
 * the same series the last publish wins.
 */
public final class SnapshotManifest {
    private SnapshotManifest() {}

    /** The published snapshot of {@code symbol} at {@code interval}, if any. */
    public static Optional<SnapshotRef> latest(EfsLayout layout, String symbol, BarInterval interval) {
        Path file = layout.latestManifest(symbol, interval);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file, symbol, interval.toString()));
    }

    /**
     * Makes {@code ref} the current snapshot of its series. The snapshot must be on disk and match {@code ref}.
     *
     * @throws SnapshotNotFoundException when it is not
     * @throws EfsFileException          when its header disagrees with {@code ref}
     */
    public static WriteOutcome publish(EfsLayout layout, SnapshotRef ref) {
        SnapshotRef onDisk = SnapshotReader.describe(layout, ref.symbol(), ref.barInterval(), ref.snapshotId());
        if (!onDisk.equals(ref)) {
            throw new EfsFileException(
                    layout.snapshotHeader(ref),
                    "will not publish %s: the snapshot on disk is %s".formatted(ref, onDisk));
        }
        return AtomicFiles.writeJson(layout.latestManifest(ref.symbol(), ref.barInterval()), ManifestEntry.of(ref));
    }

    /** Every published snapshot, sorted by symbol, then by interval length ({@code 5m} before {@code 1h} before {@code 1d}). */
    public static List<SnapshotRef> list(EfsLayout layout) {
        List<SnapshotRef> refs = new ArrayList<>();
        for (Path symbolDir : subdirectories(layout.snapshotsDir())) {
            String symbol = decode(symbolDir);
            for (Path intervalDir : subdirectories(symbolDir)) {
                Path file = intervalDir.resolve(EfsLayout.LATEST);
                if (Files.exists(file)) {
                    refs.add(read(file, symbol, decode(intervalDir)));
                }
            }
        }
        refs.sort(Comparator.comparing(SnapshotRef::symbol)
                .thenComparingLong(r -> r.barInterval().millis()));
        return List.copyOf(refs);
    }

    private static SnapshotRef read(Path file, String symbol, String interval) {
        ManifestEntry entry = AtomicFiles.readJson(file, ManifestEntry.class);
        SnapshotRef ref;
        try {
            ref = entry.toRef();
        } catch (IllegalArgumentException e) {
            throw new EfsFileException(file, "not a valid manifest entry: " + e.getMessage(), e);
        }
        if (!ref.symbol().equals(symbol) || !ref.interval().equals(interval)) {
            throw new EfsFileException(
                    file,
                    "names %s %s, but sits in the directory of %s %s"
                            .formatted(ref.symbol(), ref.interval(), symbol, interval));
        }
        return ref;
    }

    /** Sub-directories, skipping hidden names (temporary directories start with {@code .tmp-}). */
    private static List<Path> subdirectories(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new EfsFileException(dir, "cannot list: " + e, e);
        }
    }

    private static String decode(Path dir) {
        try {
            return PathSegments.decode(dir.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new EfsFileException(dir, "not a directory this layout creates: " + e.getMessage(), e);
        }
    }
}
