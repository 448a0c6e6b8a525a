package dev.phylo.engine.indicator.internal;

/**
 * Rolling maximum (or minimum) over the last {@code n} values: a monotonic deque in a power-of-two ring, O(1)
 * amortised per push.
 */
final class Extremum {
    private final int n;
    private final boolean max;
    private final int mask;
    private final long[] idx;
    private final double[] val;
    private int head;
    private int tail;
    private long pushed;

    Extremum(int n, boolean max) {
        this.n = n;
        this.max = max;
        int cap = Integer.highestOneBit(n + 1) << 1;
        this.mask = cap - 1;
        this.idx = new long[cap];
        this.val = new double[cap];
    }

    /** Pushes a value and returns the extremum of the last n values, or NaN until n values were seen. */
    double push(double x) {
        if (max) {
            while (tail != head && val[(tail - 1) & mask] <= x) {
                tail = (tail - 1) & mask;
            }
        } else {
            while (tail != head && val[(tail - 1) & mask] >= x) {
                tail = (tail - 1) & mask;
            }
        }
        idx[tail] = pushed;
        val[tail] = x;
        tail = (tail + 1) & mask;
        if (idx[head] <= pushed - n) {
            head = (head + 1) & mask;
        }
        pushed++;
        return pushed >= n ? val[head] : Double.NaN;
    }
}
