/**
 * The implementation of {@link dev.phylo.engine.evolve}; not an API. {@link dev.phylo.engine.evolve.internal.Genes}
 * maps a gene in [0, 1) to one of n choices (and back, to a bucket's centre),
 * {@link dev.phylo.engine.evolve.internal.RiskGenes} does the same for stops and the bar limit, each
 * {@link dev.phylo.engine.evolve.internal.RuleTemplate} (one per family, in
 * {@link dev.phylo.engine.evolve.internal.RuleTemplates}) writes a family's rules as condition text,
 * {@link dev.phylo.engine.evolve.internal.ChoiceSearch} encodes a spec by searching the grid so that encoding always
 * agrees with decoding, {@link dev.phylo.engine.evolve.internal.ReflectingGaussianMutator} is the Jenetics mutator that
 * reflects at the bounds instead of clamping, and {@link dev.phylo.engine.evolve.internal.Genomes} and
 * {@link dev.phylo.engine.evolve.internal.GridChecks} convert genotypes and validate the search-space records. It may
 * use the public types of {@code dev.phylo.engine.evolve}, {@code strategy} and {@code indicator}, Jenetics and the
 * JDK. Only {@code dev.phylo.engine.evolve} may use it.
 */
package dev.phylo.engine.evolve.internal;
