/**
 * The genetic algorithm's building blocks, stateless and deterministic: the {@link dev.phylo.engine.evolve.SearchSpace}
 * of strategies the GA may build (the {@link dev.phylo.engine.evolve.RuleFamily} shapes with their
 * {@link dev.phylo.engine.evolve.FamilyGrids}, directions, {@link dev.phylo.engine.evolve.RiskSpace} and sizing; plain
 * records, so a run input can carry them as JSON), the {@link dev.phylo.engine.evolve.GenomeCodec} between a
 * fixed-length gene array in [0, 1) and a {@link dev.phylo.engine.strategy.StrategySpec}, the
 * {@link dev.phylo.engine.evolve.Objective} that turns {@link dev.phylo.engine.metrics.Metrics} into a finite fitness,
 * and the {@link dev.phylo.engine.evolve.BreedingStep} that turns one scored generation
 * ({@link dev.phylo.engine.evolve.Scored} genomes) into the next under a
 * {@link dev.phylo.engine.evolve.BreedingConfig}. Every random draw is seeded from the run seed and the generation by
 * {@link dev.phylo.engine.evolve.Seeds}, so a replayed step produces the same genomes bit for bit; no clock, global
 * random state or I/O is involved. It may use the engine's {@code strategy}, {@code indicator} and {@code metrics}
 * packages, Jenetics (selection, crossover and the genotype types), Jackson annotations and the JDK; it does not use
 * {@code backtest} (scoring is the caller's job, in {@code dev.phylo.evolution}).
 * {@link dev.phylo.engine.evolve.internal} holds the gene bucketing, rule templates and mutator, for this package only.
 */
package dev.phylo.engine.evolve;
