package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;

/**
 * How the backtests of a run fill orders.
 *
 * @param fill           the engine's fill rule by name (for example {@code NEXT_OPEN})
 * @param feeBps         fee per side in basis points, at least 0
 * @param slippageBps    adverse slippage per side in basis points, at least 0
 * @param initialCapital starting equity, positive
 */
public record ExecutionPlan(String fill, double feeBps, double slippageBps, double initialCapital) {
    public ExecutionPlan {
        Checks.nonBlank("fill", fill);
        if (!(Checks.finite("feeBps", feeBps) >= 0)) {
            throw new IllegalArgumentException("feeBps must be >= 0: " + feeBps);
        }
        if (!(Checks.finite("slippageBps", slippageBps) >= 0)) {
            throw new IllegalArgumentException("slippageBps must be >= 0: " + slippageBps);
        }
        if (!(Checks.finite("initialCapital", initialCapital) > 0)) {
            throw new IllegalArgumentException("initialCapital must be > 0: " + initialCapital);
        }
    }
}
