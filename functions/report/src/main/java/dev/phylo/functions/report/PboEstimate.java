package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The probability of backtest overfitting of a run's final generation: CSCV over the in-sample per-bar returns of its
 * distinct strategies (one per behaviour: clones with the same trades count once) on the plan's first symbol, with
 * Sharpe ratio as the performance measure.
 *
 * @param probability   PBO: the share of splits whose in-sample best ranks at or below the out-of-sample median
 * @param generation    the generation whose strategies were compared
 * @param strategies    N, its distinct strategies, one per behaviour
 * @param blocks        S
 * @param bars          returns used (the oldest {@code droppedBars} are left out so that the blocks are equal)
 * @param splits        C(S, S/2)
 * @param overfitSplits splits with logit λ ≤ 0
 * @param meanLogit     mean λ over the splits
 */
@RegisterForReflection
public record PboEstimate(
        double probability,
        String symbol,
        int generation,
        int strategies,
        int blocks,
        int bars,
        int droppedBars,
        int splits,
        int overfitSplits,
        double meanLogit) {}
