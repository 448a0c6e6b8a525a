package dev.phylo.engine.indicator.internal;

/**
 * Rolling maximum (or minimum) over the last {@code n} values of a whole array, by the van Herk / Gil-Werman method:
 * the array is cut into segments of n at multiples of n; within each segment a running extremum from its start
 * (prefix) and one from its end (suffix) are kept, and the window {@code [t-n+1, t]} is
 * {@code op(suffix[t-n+1], prefix[t])}. Three comparisons per value, without the data-dependent branches of a
 * monotonic deque. Reads only values at or before t: every suffix it uses ends at or before t.
 */
final class RangeExtremum {
    private final int n;
    private final boolean max;
    private double[] prefix = new double[0];
    private double[] suffix = new double[0];

    RangeExtremum(int n, boolean max) {
        this.n = n;
        this.max = max;
    }

    /** Writes the extremum of {@code src[t-n+1 .. t]} to {@code out[off + t - from]} for t in [from, to); NaN for t < n-1. */
    void compute(double[] src, int from, int to, double[] out, int off) {
        int first = Math.max(from, n - 1);
        for (int t = from; t < first && t < to; t++) {
            out[off + t - from] = Double.NaN;
        }
        if (first >= to) {
            return;
        }
        // prefix over [base, to), base = start of the segment holding the earliest window start
        int lo = first - n + 1;
        int base = lo - lo % n;
        int len = to - base;
        if (prefix.length < len) {
            prefix = new double[len];
            suffix = new double[len];
        }
        double[] pre = prefix;
        double[] suf = suffix;
        for (int s = base; s < to; s += n) {
            int end = Math.min(s + n, to);
            double acc = src[s];
            pre[s - base] = acc;
            for (int i = s + 1; i < end; i++) {
                acc = max ? Math.max(acc, src[i]) : Math.min(acc, src[i]);
                pre[i - base] = acc;
            }
        }
        // suffix for window starts in [lo, to - n]: their segments end before `to`
        int lastStart = to - n;
        for (int s = base; s <= lastStart; s += n) {
            int end = s + n - 1;
            double acc = src[end];
            suf[end - base] = acc;
            for (int i = end - 1; i >= s; i--) {
                acc = max ? Math.max(acc, src[i]) : Math.min(acc, src[i]);
                suf[i - base] = acc;
            }
        }
        for (int t = first; t < to; t++) {
            double a = suf[t - n + 1 - base];
            double b = pre[t - base];
            out[off + t - from] = max ? Math.max(a, b) : Math.min(a, b);
        }
    }
}
