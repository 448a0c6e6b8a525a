package dev.phylo.engine.indicator.internal;

/**
 * Linearly weighted mean of the last {@code n} values (newest weight n, oldest 1, divided by n(n+1)/2), in O(1)
 * per push with an exact recomputation every {@value #RESYNC} pushes.
 */
final class WeightedWindow {
    private static final int RESYNC = 1024;

    private final int n;
    private final double[] ring;
    private final double coef;
    private int pos;
    private long pushed;
    private double sum;
    private double weighted;
    private int sinceResync;

    WeightedWindow(int n) {
        this.n = n;
        this.ring = new double[n];
        this.coef = 2.0 / (n * (n + 1.0));
    }

    double push(double x) {
        if (pushed >= n) {
            double old = ring[pos];
            weighted += n * x - sum;
            sum += x - old;
        } else {
            weighted += (pushed + 1) * x;
            sum += x;
        }
        ring[pos] = x;
        if (++pos == n) {
            pos = 0;
        }
        pushed++;
        if (pushed < n) {
            return Double.NaN;
        }
        if (++sinceResync >= RESYNC) {
            resync();
        }
        return coef * weighted;
    }

    private void resync() {
        double s = 0;
        double w = 0;
        for (int k = 0; k < n; k++) {
            double v = ring[(pos + k) % n];
            s += v;
            w += (k + 1) * v;
        }
        sum = s;
        weighted = w;
        sinceResync = 0;
    }
}
