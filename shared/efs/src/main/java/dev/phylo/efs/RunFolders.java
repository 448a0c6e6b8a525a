package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The run folders {@code runs/<runId>/} as retention sees them: listed, measured and deleted without ever following a
 * symbolic link (docs/architecture.md, "Retention").
 *
 * <p>Every operation opens the root, {@code runs/} and each folder below it as a {@link SecureDirectoryStream}
 * ({@code openat} with {@code O_NOFOLLOW} on Linux) and works relative to the open directories. A link inside a run
 * folder is deleted as a link, never entered, even one swapped in while the walk runs; a {@code runs/} or
 * {@code runs/<runId>} that is itself a link is refused. Nothing outside {@code runs/<runId>/} can therefore be reached.
 * A platform without secure directory streams gets an {@link EfsFileException} rather than a weaker delete.
 */
public final class RunFolders {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final EfsLayout layout;

    public RunFolders(EfsLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The entries of {@code runs/}: names that are run ids, and the other names, which retention leaves alone. */
    public record Listing(List<String> runIds, List<String> ignored) {
        public Listing {
            runIds = List.copyOf(runIds);
            ignored = List.copyOf(ignored);
        }
    }

    /** The entries of {@code runs/}, sorted by name; empty when there is no {@code runs/} yet. */
    public Listing list() throws IOException {
        List<String> runIds = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try (SecureDirectoryStream<Path> root = openRoot()) {
            if (!exists(root, Path.of(EfsLayout.RUNS))) {
                return new Listing(runIds, ignored);
            }
            try (SecureDirectoryStream<Path> runs = openRuns(root)) {
                for (String name : names(runs)) {
                    (Checks.isRunId(name) ? runIds : ignored).add(name);
                }
            }
        }
        runIds.sort(null);
        ignored.sort(null);
        return new Listing(runIds, ignored);
    }

    /** What {@code runs/<runId>/} holds. */
    public FolderUsage measure(String runId) throws IOException {
        return walkRun(runId, null);
    }

    /**
     * Deletes {@code runs/<runId>/} and everything in it; what it held. Stops with an {@link EfsFileException},
     * leaving the rest in place, at an entry modified after {@code notModifiedAfter}: a late write means the run is in
     * use after all.
     */
    public FolderUsage delete(String runId, Instant notModifiedAfter) throws IOException {
        return walkRun(runId, Objects.requireNonNull(notModifiedAfter, "notModifiedAfter"));
    }

    private FolderUsage walkRun(String runId, Instant deleteUpTo) throws IOException {
        Path name = Path.of(Checks.runId(runId));
        try (SecureDirectoryStream<Path> root = openRoot();
                SecureDirectoryStream<Path> runs = openRuns(root)) {
            BasicFileAttributes attrs = attributes(runs, name);
            Path shown = layout.runDir(runId);
            if (!attrs.isDirectory()) {
                throw new EfsFileException(
                        shown,
                        attrs.isSymbolicLink()
                                ? "is a symbolic link, not a run folder: retention follows no link, and left it"
                                : "is not a directory: left in place");
            }
            Totals totals = new Totals();
            walk(runs, name, attrs, shown, deleteUpTo, totals);
            return new FolderUsage(totals.files, totals.bytes, totals.newest);
        }
    }

    /** Visits {@code name} in {@code parent} (a directory: its entries first), deleting when {@code deleteUpTo} is set. */
    private static void walk(
            SecureDirectoryStream<Path> parent,
            Path name,
            BasicFileAttributes attrs,
            Path shown,
            Instant deleteUpTo,
            Totals totals)
            throws IOException {
        Instant modified = attrs.lastModifiedTime().toInstant();
        if (deleteUpTo != null && modified.isAfter(deleteUpTo)) {
            throw new EfsFileException(
                    shown, "was modified at " + modified + ", after " + deleteUpTo + ": the run is in use, left");
        }
        totals.see(attrs, modified);
        if (attrs.isDirectory()) {
            try (SecureDirectoryStream<Path> dir = parent.newDirectoryStream(name, NOFOLLOW)) {
                for (String child : names(dir)) {
                    Path childName = Path.of(child);
                    walk(dir, childName, attributes(dir, childName), shown.resolve(child), deleteUpTo, totals);
                }
            }
            if (deleteUpTo != null) {
                parent.deleteDirectory(name);
            }
        } else if (deleteUpTo != null) {
            parent.deleteFile(name); // a link goes as a link: unlinkat never follows one
        }
    }

    private SecureDirectoryStream<Path> openRoot() throws IOException {
        Path root = layout.root();
        if (!Files.isDirectory(root)) {
            throw new EfsFileException(root, "the shared folder is not a directory (is the file system mounted?)");
        }
        DirectoryStream<Path> stream = Files.newDirectoryStream(root);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        throw new EfsFileException(
                root, "this platform has no secure directory streams, so run folders cannot be deleted safely");
    }

    private SecureDirectoryStream<Path> openRuns(SecureDirectoryStream<Path> root) throws IOException {
        Path runs = Path.of(EfsLayout.RUNS);
        if (!attributes(root, runs).isDirectory()) {
            throw new EfsFileException(layout.runsDir(), "is not a directory (a symbolic link is refused)");
        }
        return root.newDirectoryStream(runs, NOFOLLOW);
    }

    private static boolean exists(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            attributes(dir, name);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        return dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
                .readAttributes();
    }

    /** The names in an open directory, read in full before anything in it changes. */
    private static List<String> names(SecureDirectoryStream<Path> dir) {
        List<String> names = new ArrayList<>();
        for (Path entry : dir) {
            names.add(entry.getFileName().toString());
        }
        return names;
    }

    private static final class Totals {
        long files;
        long bytes;
        Instant newest = Instant.MIN;

        void see(BasicFileAttributes attrs, Instant modified) {
            if (!attrs.isDirectory()) {
                files++;
            }
            if (attrs.isRegularFile()) {
                bytes += attrs.size();
            }
            if (modified.isAfter(newest)) {
                newest = modified;
            }
        }
    }
}
