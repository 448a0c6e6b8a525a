package dev.phylo.engine.evolve;

import dev.phylo.engine.evolve.internal.GridChecks;
import java.util.List;
import java.util.Objects;

/**
 * The trend filter any strategy may add to its entries: long entries only while {@code sma(fast) > sma(slow)}, short
 * entries only while {@code sma(fast) < sma(slow)}. One gene: its lowest {@code off} share means "no filter", the rest
 * picks one pair ({@code fast.get(i)}, {@code slow.get(i)}).
 *
 * @param off  share of the gene meaning "no filter", in [0, 1]; 1 = never a filter
 * @param fast fast periods, one per pair
 * @param slow slow periods, one per pair, each above its fast period
 */
public record TrendSpace(double off, List<Integer> fast, List<Integer> slow) {

    /** Half of all strategies unfiltered; the others follow the 20/100 or the 50/200 simple-average trend. */
    public static final TrendSpace DEFAULT = new TrendSpace(0.5, List.of(20, 50), List.of(100, 200));

    /** Never a trend filter. */
    public static final TrendSpace NONE = new TrendSpace(1, List.of(), List.of());

    public TrendSpace {
        GridChecks.unit(off, "trend off share");
        Objects.requireNonNull(fast, "trend.fast");
        Objects.requireNonNull(slow, "trend.slow");
        fast = List.copyOf(fast);
        slow = List.copyOf(slow);
        if (fast.size() != slow.size()) {
            throw new IllegalArgumentException(
                    "trend.fast and trend.slow must pair up: %s and %s".formatted(fast, slow));
        }
        for (int i = 0; i < fast.size(); i++) {
            if (fast.get(i) < 1 || fast.get(i) >= slow.get(i)) {
                throw new IllegalArgumentException(
                        "trend pair %d: fast %d must be >= 1 and below slow %d".formatted(i, fast.get(i), slow.get(i)));
            }
        }
        if (off < 1 && fast.isEmpty()) {
            throw new IllegalArgumentException("a trend filter with no pairs must have off = 1 (always off): " + off);
        }
    }

    /** Number of pairs the gene chooses from. */
    public int choices() {
        return fast.size();
    }
}
