/**
 * Out-of-sample validation of a run's strategies, in pure Java: {@link dev.phylo.evolution.validation.ReturnMoments} of
 * per-bar returns, the {@link dev.phylo.evolution.validation.DeflatedSharpe} ratio (Bailey and López de Prado, 2014)
 * over the run's {@link dev.phylo.evolution.validation.TrialSharpes}, the probability of backtest overfitting
 * {@link dev.phylo.evolution.validation.Pbo} by combinatorially symmetric cross-validation (Bailey, Borwein, López de
 * Prado and Zhu, 2015) over {@link dev.phylo.evolution.validation.BlockSums}, and the
 * {@link dev.phylo.evolution.validation.OverfitFlag} rule. {@link dev.phylo.evolution.validation.Normals} supplies Φ
 * and Φ⁻¹. The report function's {@code validate} step is its user.
 *
 * <p>It depends on the JDK alone: not on the engine, the shared folder or any library. Its inputs are plain numbers
 * (returns, Sharpe ratios, counts), so the caller runs the backtests and passes the results in, and this package stays
 * a set of formulas that can be checked against the papers in isolation.
 */
package dev.phylo.evolution.validation;
