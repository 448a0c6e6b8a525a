/**
 * The implementation of {@link dev.phylo.engine.indicator}; not an API.
 * {@link dev.phylo.engine.indicator.internal.Calculators} builds the streaming calculator of each
 * {@link dev.phylo.engine.indicator.IndicatorKind}; the calculators and their building blocks (rolling windows with
 * periodic exact resynchronisation, the seeded EMA, Wilder smoothing, the van Herk / Gil-Werman rolling extremum) are
 * package-private. It uses the public types of {@link dev.phylo.engine.indicator} and {@link dev.phylo.engine.data},
 * and the JDK. Only {@code dev.phylo.engine.indicator} may use it; everything else computes indicators through
 * {@link dev.phylo.engine.indicator.Indicators}.
 */
package dev.phylo.engine.indicator.internal;
