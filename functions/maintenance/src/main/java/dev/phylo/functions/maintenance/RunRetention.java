package dev.phylo.functions.maintenance;

import dev.phylo.efs.EfsFileException;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.FolderUsage;
import dev.phylo.efs.RunFolders;
import dev.phylo.store.Database;
import dev.phylo.store.RunRepository;
import dev.phylo.store.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Retention of the run folders {@code runs/<runId>/} on the shared folder (docs/architecture.md, "Retention"). A
 * folder goes when nothing needs it any more:
 * <ul>
 *   <li>its run's row says {@code running}: kept, however old (the state machine is still reading and writing it);</li>
 *   <li>its run ended (finished, failed or cancelled) at or after the cutoff: kept;</li>
 *   <li>otherwise, and for orphans (folders whose run has no row), the folder goes unless an entry in it was modified
 *       at or after the cutoff.</li>
 * </ul>
 * The database decides for runs it knows; the folder's own modification times decide for orphans, and protect a
 * folder something wrote to lately either way. A folder that cannot be measured or deleted is recorded and the pass
 * goes on; the caller reports every one.
 */
@ApplicationScoped
public class RunRetention {

    /** Run ids looked up per query. */
    static final int IDS_PER_QUERY = 1_000;

    private static final Logger LOG = Logger.getLogger(RunRetention.class);

    private final Database database;
    private final RunRepository runs;
    private final EfsLayout layout;
    private final RunFolders folders;

    RunRetention(Database database, RunRepository runs, @ConfigProperty(name = "phylo.efs.root") Path root) {
        this.database = database;
        this.runs = runs;
        this.layout = new EfsLayout(root);
        this.folders = new RunFolders(layout);
    }

    /** One pass; {@code failures} gets one line per folder that should have gone and could not. */
    public RunsRetained apply(OffsetDateTime cutoff, boolean dryRun, List<String> failures) {
        RunFolders.Listing listing;
        try {
            listing = folders.list();
        } catch (IOException e) {
            throw new EfsFileException(layout.runsDir(), "cannot be listed: " + e, e);
        }
        if (!listing.ignored().isEmpty()) {
            LOG.warnf("runs/ holds entries that are not run folders, left alone: %s", listing.ignored());
        }
        Map<String, RunState> states = states(listing.runIds());
        Instant limit = cutoff.toInstant();
        int deleted = 0;
        int orphans = 0;
        long files = 0;
        long bytes = 0;
        int keptRunning = 0;
        int keptRecent = 0;
        for (String runId : listing.runIds()) {
            RunState state = states.get(runId);
            if (state != null && state.running()) {
                keptRunning++;
                continue;
            }
            if (state != null && !state.endedAt().toInstant().isBefore(limit)) {
                keptRecent++;
                continue;
            }
            try {
                FolderUsage usage = folders.measure(runId);
                if (!usage.newestModified().isBefore(limit)) {
                    keptRecent++;
                    continue;
                }
                if (!dryRun) {
                    usage = folders.delete(runId, limit);
                }
                deleted++;
                orphans += state == null ? 1 : 0;
                files += usage.files();
                bytes += usage.bytes();
            } catch (IOException | EfsFileException e) {
                LOG.errorf(e, "retention could not remove runs/%s", runId);
                // an EfsFileException names the path and the problem; an IOException's message may be the path alone
                failures.add(e instanceof EfsFileException ? e.getMessage() : layout.runDir(runId) + ": " + e);
            }
        }
        return new RunsRetained(
                cutoff.toString(),
                listing.runIds().size(),
                deleted,
                orphans,
                files,
                bytes,
                keptRunning,
                keptRecent,
                listing.ignored().size());
    }

    private Map<String, RunState> states(List<String> runIds) {
        Map<String, RunState> states = new HashMap<>();
        for (int from = 0; from < runIds.size(); from += IDS_PER_QUERY) {
            List<String> some = runIds.subList(from, Math.min(runIds.size(), from + IDS_PER_QUERY));
            states.putAll(database.await("read the states of " + some.size() + " runs", c -> runs.states(c, some)));
        }
        return states;
    }
}
