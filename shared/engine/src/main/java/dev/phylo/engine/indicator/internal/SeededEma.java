package dev.phylo.engine.indicator.internal;

/**
 * An exponential moving average {@code prev * (1 - alpha) + x * alpha}, seeded with the simple mean of its first
 * {@code n} defined inputs. Leading NaN inputs are skipped; the first value appears at the n-th defined input.
 */
final class SeededEma {
    private final int n;
    private final double alpha;
    private final double alpha1;
    private int seen;
    private double seedSum;
    private double value = Double.NaN;

    SeededEma(int n, double alpha) {
        this.n = n;
        this.alpha = alpha;
        this.alpha1 = 1.0 - alpha;
    }

    static SeededEma exponential(int n) {
        return new SeededEma(n, 2.0 / (n + 1));
    }

    static SeededEma wilder(int n) {
        return new SeededEma(n, 1.0 / n);
    }

    /** Feeds one input and returns the current average (NaN until seeded, and for a NaN input). */
    double push(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (seen < n) {
            seedSum += x;
            if (++seen == n) {
                value = seedSum / n;
            }
            return value;
        }
        value = value * alpha1 + x * alpha;
        return value;
    }
}
