package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The probability of backtest overfitting of a run: CSCV over the in-sample per-bar returns of its cluster
 * representatives, one per group of correlated strategies across all generations (see {@link EffectiveTrials}), with
 * every symbol pooled block by block ({@link TrialReturns}) and the Sharpe ratio as the performance measure.
 *
 * @param probability   PBO: the share of splits whose in-sample best ranks at or below the out-of-sample median
 * @param symbols       the symbols pooled
 * @param strategies    N, the representatives compared
 * @param blocks        S
 * @param bars          returns used over all symbols (the oldest {@code droppedBars} of each are left out so that its
 *                      blocks are equal)
 * @param splits        C(S, S/2)
 * @param overfitSplits splits with logit λ ≤ 0
 * @param meanLogit     mean λ over the splits
 */
@RegisterForReflection
public record PboEstimate(
        double probability,
        List<String> symbols,
        int strategies,
        int blocks,
        int bars,
        int droppedBars,
        int splits,
        int overfitSplits,
        double meanLogit) {}
