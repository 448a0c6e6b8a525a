/**
 * Out-of-sample validation of a run's strategies, in pure Java: {@link dev.phylo.evolution.validation.ReturnMoments}
 * of per-bar returns, the {@link dev.phylo.evolution.validation.DeflatedSharpe} ratio (Bailey and López de Prado,
 * 2014) over the run's {@link dev.phylo.evolution.validation.TrialSharpes}, the probability of backtest overfitting
 * {@link dev.phylo.evolution.validation.Pbo} by combinatorially symmetric cross-validation (Bailey, Borwein, López de
 * Prado and Zhu, 2015), and the {@link dev.phylo.evolution.validation.OverfitFlag} rule. {@link
 * dev.phylo.evolution.validation.Normals} supplies Φ and Φ⁻¹.
 */
package dev.phylo.evolution.validation;
