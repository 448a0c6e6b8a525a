package dev.phylo.engine.indicator.internal;

/**
 * Rolling maximum (or minimum) over the last {@code n} values: a monotonic deque, O(1) amortised per push.
 */
final class Extremum {
    private final int n;
    private final boolean max;
    private final long[] idx;
    private final double[] val;
    private int head;
    private int size;
    private long pushed;

    Extremum(int n, boolean max) {
        this.n = n;
        this.max = max;
        this.idx = new long[n + 1];
        this.val = new double[n + 1];
    }

    /** Pushes a value and returns the extremum of the last n values, or NaN until n values were seen. */
    double push(double x) {
        int cap = idx.length;
        while (size > 0) {
            int last = (head + size - 1) % cap;
            if (max ? val[last] <= x : val[last] >= x) {
                size--;
            } else {
                break;
            }
        }
        int tail = (head + size) % cap;
        idx[tail] = pushed;
        val[tail] = x;
        size++;
        while (idx[head] <= pushed - n) {
            head = (head + 1) % cap;
            size--;
        }
        pushed++;
        return pushed >= n ? val[head] : Double.NaN;
    }
}
