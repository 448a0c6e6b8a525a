package dev.phylo.engine.data;

/** Textbook sample statistics of a return series, for checking generated data from first principles. */
final class ReturnStatistics {
    private ReturnStatistics() {}

    static double[] logReturns(double[] close) {
        double[] r = new double[close.length - 1];
        for (int i = 1; i < close.length; i++) {
            r[i - 1] = Math.log(close[i] / close[i - 1]);
        }
        return r;
    }

    static double[] squared(double[] x) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) s[i] = x[i] * x[i];
        return s;
    }

    static double[] absolute(double[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) a[i] = Math.abs(x[i]);
        return a;
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) sum += v;
        return sum / x.length;
    }

    static double variance(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) sum += (v - m) * (v - m);
        return sum / x.length;
    }

    /** Sample autocorrelation at {@code lag}. */
    static double autocorrelation(double[] x, int lag) {
        double m = mean(x);
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            den += (x[i] - m) * (x[i] - m);
            if (i >= lag) num += (x[i] - m) * (x[i - lag] - m);
        }
        return num / den;
    }

    /** Fourth standardized moment minus 3 (0 for a normal distribution). */
    static double excessKurtosis(double[] x) {
        double m = mean(x);
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - m) * (v - m);
            m2 += d;
            m4 += d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m4 / (m2 * m2) - 3;
    }

    static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
