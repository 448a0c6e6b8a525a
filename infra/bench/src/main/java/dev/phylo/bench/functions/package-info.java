/**
 * End-to-end benchmarks of the function services, run by {@code scripts/bench-functions} (main class
 * {@link dev.phylo.bench.functions.FunctionsBench}), each against a baseline measured in the same run: ingest of a
 * 1M-bar CSV through the real {@code IngestService} against {@code psql \copy}
 * ({@link dev.phylo.bench.functions.IngestBench}, with the diagnostic variants of
 * {@link dev.phylo.bench.functions.IngestProfile}), {@code SnapshotReader.load} against plain file reads
 * ({@link dev.phylo.bench.functions.SnapshotLoadBench}), and one warm {@code EvaluateService} invocation against the
 * bare engine ({@link dev.phylo.bench.functions.EvaluateBench}). The services are built by hand, outside CDI, from the
 * ingest and evaluate modules' plain jars. This is the one place outside {@code functions/} allowed to depend on
 * function modules (ingest and evaluate only); it may also depend on {@code dev.phylo.postgres} (the same embedded
 * PostgreSQL 17 for both sides of the ingest figure), {@code dev.phylo.schema}, {@code dev.phylo.store},
 * {@code dev.phylo.efs}, {@code dev.phylo.evolution}, the engine, the Vert.x PostgreSQL client and the PostgreSQL JDBC
 * driver ({@code CopyManager}). Nothing may depend on it, and it never runs in Lambda.
 */
package dev.phylo.bench.functions;
