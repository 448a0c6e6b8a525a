/**
 * The evaluate Lambda, the hot loop of a run: the state machine's Distributed Map calls it once per batch with a
 * {@link dev.phylo.efs.BatchRef} {@code {runId, generation, batch}}, and it backtests that batch's genomes on the
 * in-sample range of every symbol of the run and writes the batch's result file.
 * {@link dev.phylo.functions.evaluate.EvaluateFunction} is the thin {@code @Funq} entry point over the
 * {@code @ApplicationScoped} {@link dev.phylo.functions.evaluate.EvaluateService}, which keeps plans and snapshots
 * cached across warm invocations, emits its throughput as EMF metrics, returns an
 * {@link dev.phylo.functions.evaluate.EvaluateSummary}, and reads an existing result file back instead of recomputing
 * it (a retry is a replay). It may depend on {@code dev.phylo.evolution} (with the engine and {@code dev.phylo.efs}
 * beneath it), {@code dev.phylo.telemetry}, the common {@code dev.phylo.function} module and Quarkus Funqy; like every
 * function, on nothing else in {@code functions/} and nothing in {@code infra/}.
 *
 * <p>Evaluate never touches the database: everything it reads and writes is on the shared folder (EFS), so a wide
 * Distributed Map opens no connections to Neon. It must not depend on {@code dev.phylo.store}, and its module carries
 * neither the store nor a datasource.
 */
package dev.phylo.functions.evaluate;
