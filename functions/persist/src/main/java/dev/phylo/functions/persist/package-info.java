/**
 * The persist Lambda: stores one evaluated generation in Neon. {@link dev.phylo.functions.persist.PersistFunction} is
 * the thin {@code @Funq} entry point over the {@code @ApplicationScoped}
 * {@link dev.phylo.functions.persist.PersistService}, which reads the generation's result files from the shared folder
 * and, in one transaction, inserts the new strategies (content-addressed, never rewritten), upserts one
 * {@code strategy_metrics} row per (strategy, symbol) and recomputes the run's progress from what is stored. A replay
 * changes no row. Its {@link dev.phylo.functions.persist.PersistSummary} also tells the state machine whether to stop
 * (last planned generation reached, or no improvement for the plan's stall limit). It may depend on
 * {@code dev.phylo.store}, {@code dev.phylo.efs}, {@code dev.phylo.evolution} and the engine (to decode genomes into
 * strategies), the common {@code dev.phylo.function} module and Quarkus Funqy; on nothing else in {@code functions/}
 * and nothing in {@code infra/} outside test scope.
 */
package dev.phylo.functions.persist;
