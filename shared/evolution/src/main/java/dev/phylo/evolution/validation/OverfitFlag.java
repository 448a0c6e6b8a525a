package dev.phylo.evolution.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a strategy is likely overfit, and why. The rule, with Sharpe ratios annualised the same way in and out of
 * sample:
 * <ol>
 *   <li>{@link Reason#LOW_DEFLATED_SHARPE}: its deflated Sharpe ratio is below {@value #MIN_DEFLATED_SHARPE}, or
 *       undefined (its in-sample returns never vary, so nothing supports it);</li>
 *   <li>{@link Reason#OUT_OF_SAMPLE_NOT_POSITIVE}: its in-sample Sharpe ratio is &gt; 0, but the out-of-sample one is
 *       ≤ 0 or undefined (no trade, no variance);</li>
 *   <li>{@link Reason#OUT_OF_SAMPLE_BELOW_HALF}: its in-sample Sharpe ratio is &gt; 0 and the out-of-sample one is
 *       defined and below half of it (a decay of more than 50 %; a negative one counts too).</li>
 * </ol>
 * A strategy is flagged when at least one reason applies; every reason that applies is recorded, in this order.
 * Rules 2 and 3 judge decay from a positive in-sample Sharpe ratio only: a strategy that lost money in sample already
 * fails rule 1.
 *
 * @param overfit whether any reason applies
 * @param reasons the reasons that apply, in the order above
 */
public record OverfitFlag(boolean overfit, List<Reason> reasons) {

    /** The deflated Sharpe ratio below which a strategy's Sharpe ratio is not significant (5 % level). */
    public static final double MIN_DEFLATED_SHARPE = 0.95;

    /** Why a strategy is flagged. */
    public enum Reason {
        /** Deflated Sharpe ratio below 0.95, or undefined. */
        LOW_DEFLATED_SHARPE("deflated Sharpe ratio below 0.95 (or undefined)"),
        /** Positive in sample, not positive (or undefined) out of sample. */
        OUT_OF_SAMPLE_NOT_POSITIVE("Sharpe ratio > 0 in sample but <= 0 (or undefined) out of sample"),
        /** Out-of-sample Sharpe ratio below half the in-sample one. */
        OUT_OF_SAMPLE_BELOW_HALF("out-of-sample Sharpe ratio below half the in-sample one");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** One line for people. */
        public String description() {
            return description;
        }
    }

    public OverfitFlag {
        reasons = List.copyOf(reasons);
        if (overfit == reasons.isEmpty()) {
            throw new IllegalArgumentException(
                    "overfit must be true exactly when there are reasons: %s, %s".formatted(overfit, reasons));
        }
    }

    /**
     * Applies the rule; null stands for an undefined value.
     *
     * @param deflatedSharpe    the deflated Sharpe ratio (a probability)
     * @param inSampleSharpe    the in-sample Sharpe ratio
     * @param outOfSampleSharpe the out-of-sample Sharpe ratio, annualised like the in-sample one
     */
    public static OverfitFlag of(Double deflatedSharpe, Double inSampleSharpe, Double outOfSampleSharpe) {
        List<Reason> reasons = new ArrayList<>(3);
        if (deflatedSharpe == null || deflatedSharpe < MIN_DEFLATED_SHARPE) {
            reasons.add(Reason.LOW_DEFLATED_SHARPE);
        }
        if (inSampleSharpe != null && inSampleSharpe > 0) {
            if (outOfSampleSharpe == null || outOfSampleSharpe <= 0) {
                reasons.add(Reason.OUT_OF_SAMPLE_NOT_POSITIVE);
            }
            if (outOfSampleSharpe != null && outOfSampleSharpe < inSampleSharpe / 2) {
                reasons.add(Reason.OUT_OF_SAMPLE_BELOW_HALF);
            }
        }
        return new OverfitFlag(!reasons.isEmpty(), reasons);
    }
}
