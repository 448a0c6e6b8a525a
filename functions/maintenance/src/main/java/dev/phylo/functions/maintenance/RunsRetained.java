package dev.phylo.functions.maintenance;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the pass over {@code runs/} on the shared folder did (in a dry run, would do): each of the {@code folders} is
 * counted in exactly one of {@code deleted}, {@code keptRunning}, {@code keptRecent} and the failures that
 * {@link RetentionIncompleteException} reports.
 *
 * @param cutoff       runs that ended, and folders last modified, before this instant may go
 * @param folders      run folders found ({@code runs/<runId>} with a run id for a name)
 * @param deleted      folders deleted, orphans included
 * @param orphans      of those, folders whose run has no row in {@code runs}
 * @param files        files (and links) in the deleted folders
 * @param bytesFreed   the sizes of the regular files in the deleted folders
 * @param keptRunning  folders of runs whose row says {@code running}
 * @param keptRecent   folders of runs that ended after the cutoff, or with an entry modified after it
 * @param ignored      entries of {@code runs/} whose names are not run ids: left alone
 */
@RegisterForReflection
public record RunsRetained(
        String cutoff,
        int folders,
        int deleted,
        int orphans,
        long files,
        long bytesFreed,
        int keptRunning,
        int keptRecent,
        int ignored) {}
