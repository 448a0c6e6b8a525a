package dev.phylo.functions.maintenance;

import dev.phylo.store.RetentionResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a retention pass removed (in a dry run, would remove): rows and chunks in the database, then run folders on the
 * shared folder.
 */
@RegisterForReflection(targets = {RetentionReport.class, RetentionResult.class, RunsRetained.class})
public record RetentionReport(boolean dryRun, RetentionResult database, RunsRetained runs) {}
