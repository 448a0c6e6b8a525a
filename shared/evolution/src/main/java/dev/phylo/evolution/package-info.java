/**
 * A run's evolution as pure functions of its plan, shared by the functions that seed, evaluate, breed, persist and
 * report: {@link dev.phylo.evolution.Generations} computes generation 0 from the run seed and generation g+1 from
 * generation g's population and results, cuts a population into batches, summarises a generation
 * ({@link dev.phylo.evolution.GenerationSummary}) and applies the stop rule;
 * {@link dev.phylo.evolution.BatchEvaluation} backtests one batch on every symbol of the plan and averages the
 * per-symbol fitness; {@link dev.phylo.evolution.PlanTerms} translates a {@link dev.phylo.efs.RunPlan}'s words into
 * engine terms (search space, codec, objective, execution); {@link dev.phylo.evolution.SeriesSlices} cuts a series to a
 * plan's in-sample or out-of-sample range; {@link dev.phylo.evolution.BatchSizing} sizes a run's batches to evaluate's
 * time budget (the seed function and {@code phylo cloud plan} both use it). Same inputs, same output, bit for bit: no clock, no shared random state and
 * no I/O, so a replayed Step Functions step recomputes what it computed before. It may depend on the engine (backtest,
 * evolve, strategy, data, metrics) and on the record types of {@code dev.phylo.efs} (plan, populations, batches,
 * results), and on nothing else: it reads and writes no files itself (the functions do, through
 * {@link dev.phylo.efs.RunFiles}), and it never uses the store, Quarkus or AWS.
 */
package dev.phylo.evolution;
