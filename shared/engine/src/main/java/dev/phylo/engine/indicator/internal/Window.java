package dev.phylo.engine.indicator.internal;

/**
 * The last {@code n} values of a stream, with O(1) mean and population variance.
 *
 * <p>Sums are kept relative to a reference value near the mean, so the variance does not suffer the
 * cancellation of {@code E[x^2] - E[x]^2} on large prices, and they are recomputed exactly from the ring every
 * {@value #RESYNC} pushes so that rounding cannot drift over a million bars. A {@code NaN} inside the window makes
 * the statistics undefined until it leaves the window.
 */
final class Window {
    private static final int RESYNC = 1024;

    private final int n;
    private final double[] ring;
    private int pos;
    private long pushed;
    private int nanCount;
    private double ref = Double.NaN;
    private double sum;
    private double sumSq;
    private int sinceResync;

    Window(int n) {
        this.n = n;
        this.ring = new double[n];
    }

    void push(double x) {
        if (ref != ref && x == x) {
            ref = x;
        }
        double dx = x - ref;
        if (x != x) {
            nanCount++;
            dx = 0.0;
        }
        double dOld = 0.0;
        if (pushed >= n) {
            double old = ring[pos];
            if (old != old) {
                nanCount--;
            } else {
                dOld = old - ref;
            }
        }
        // one addition per sum on the loop-carried chain
        sum += dx - dOld;
        sumSq += dx * dx - dOld * dOld;
        ring[pos] = x;
        if (++pos == n) {
            pos = 0;
        }
        pushed++;
        if (++sinceResync >= RESYNC && nanCount == 0 && pushed >= n) {
            resync();
        }
    }

    private void resync() {
        double s = 0;
        for (double v : ring) {
            s += v;
        }
        ref = s / n;
        double d1 = 0;
        double d2 = 0;
        for (double v : ring) {
            double d = v - ref;
            d1 += d;
            d2 += d * d;
        }
        sum = d1;
        sumSq = d2;
        sinceResync = 0;
    }

    boolean full() {
        return pushed >= n;
    }

    boolean defined() {
        return pushed >= n && nanCount == 0;
    }

    /** Mean of the window, or NaN before it is full or while it holds a NaN. */
    double mean() {
        return defined() ? ref + sum / n : Double.NaN;
    }

    /** Population variance (divide by n), or NaN when undefined. */
    double variance() {
        if (!defined()) {
            return Double.NaN;
        }
        double m = sum / n;
        double v = sumSq / n - m * m;
        return v > 0 ? v : 0.0;
    }
}
