package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Where a run's report files are, relative to the shared folder's root. */
@RegisterForReflection
public record ReportPaths(String html, String json, String validation) {}
