package dev.phylo.engine.backtest;

import java.util.Objects;

/**
 * How orders execute.
 *
 * @param fill           next bar's open (default) or the signal bar's close
 * @param feeBps         commission in basis points of notional, per side
 * @param slippageBps    adverse price move in basis points, per side (buys fill higher, sells lower)
 * @param initialCapital starting equity
 */
public record ExecutionConfig(Fill fill, double feeBps, double slippageBps, double initialCapital) {
    public static final ExecutionConfig DEFAULT = new ExecutionConfig(Fill.NEXT_OPEN, 0, 0, 10_000);

    public ExecutionConfig {
        Objects.requireNonNull(fill, "fill");
        if (!(feeBps >= 0 && feeBps < 10_000)) {
            throw new IllegalArgumentException("fee must be in [0, 10000) bps: " + feeBps);
        }
        if (!(slippageBps >= 0 && slippageBps < 10_000)) {
            throw new IllegalArgumentException("slippage must be in [0, 10000) bps: " + slippageBps);
        }
        if (!(initialCapital > 0) || !Double.isFinite(initialCapital)) {
            throw new IllegalArgumentException("initial capital must be positive: " + initialCapital);
        }
    }

    public ExecutionConfig withFill(Fill f) {
        return new ExecutionConfig(f, feeBps, slippageBps, initialCapital);
    }

    public ExecutionConfig withCosts(double fee, double slippage) {
        return new ExecutionConfig(fill, fee, slippage, initialCapital);
    }
}
