package dev.phylo.evolution.validation;

/**
 * The standard normal distribution: density, distribution function Φ and its inverse, in double precision.
 *
 * <p>Φ is evaluated from two classical expansions, with no fitted coefficients: for |x| ≤ {@value #SERIES_LIMIT},
 * Marsaglia's series Φ(x) = 1/2 + φ(x)·(x + x³/3 + x⁵/(3·5) + …), whose terms are all of one sign; beyond it, the
 * tail Q(z) = 1 − Φ(z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))) (Laplace's continued fraction for the Mills ratio),
 * evaluated with the modified Lentz algorithm, so tail probabilities keep their relative precision down to the
 * smallest doubles. Φ⁻¹ starts from Acklam's rational approximation (relative error below 1.2e-9) and polishes it
 * with Halley steps on Φ; above 1/2 it works on the upper tail {@code 1 - p}, which is exact there.
 */
public final class Normals {

    private static final double SERIES_LIMIT = 3.0;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT_2PI = 2.5066282746310002;
    private static final double TINY = 1e-300;

    // Acklam's rational approximation of the normal quantile
    private static final double[] A = {
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00
    };
    private static final double[] B = {
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01
    };
    private static final double[] C = {
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00
    };
    private static final double[] D = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };
    private static final double P_LOW = 0.02425;

    private Normals() {}

    /** φ(x), the density. */
    public static double density(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Φ(x) = P(Z ≤ x); NaN for NaN. */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x > SERIES_LIMIT) {
            return 1.0 - upperTail(x);
        }
        if (x < -SERIES_LIMIT) {
            return upperTail(-x);
        }
        double term = x;
        double sum = x;
        double x2 = x * x;
        for (int k = 1; k < 500; k++) {
            term *= x2 / (2 * k + 1);
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return 0.5 + density(x) * sum;
    }

    /** Q(z) = 1 − Φ(z) for z > {@value #SERIES_LIMIT}, by the continued fraction of the Mills ratio. */
    private static double upperTail(double z) {
        if (z > 40) {
            return 0.0; // below the smallest double
        }
        // g = z + 1/(z + 2/(z + 3/(z + ...))): b0 = z, a_k = k, b_k = z
        double f = z;
        double c = f;
        double d = 0.0;
        for (int k = 1; k < 5_000; k++) {
            d = z + k * d;
            d = d == 0 ? TINY : d;
            c = z + k / c;
            c = c == 0 ? TINY : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return density(z) / f;
    }

    /**
     * Φ⁻¹(p), the quantile: −∞ at 0, +∞ at 1.
     *
     * @throws IllegalArgumentException when p is not in [0, 1]
     */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability must be in [0, 1]: " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p > 0.5) {
            return -lowerQuantile(1.0 - p); // exact: 1 - p loses nothing for p in [0.5, 1]
        }
        return lowerQuantile(p);
    }

    /** Φ⁻¹(p) for 0 < p ≤ 1/2. */
    private static double lowerQuantile(double p) {
        if (p == 0.5) {
            return 0.0;
        }
        double x;
        if (p < P_LOW) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        } else {
            double q = p - 0.5;
            double r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
                    * q
                    / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }
        // Halley's method on Φ(x) - p: cubic convergence, two steps take 1e-9 to machine precision
        for (int i = 0; i < 2; i++) {
            double e = cdf(x) - p;
            double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
            if (!Double.isFinite(u)) {
                break; // p in the subnormal range: Acklam's value is as good as it gets
            }
            x -= u / (1 + 0.5 * x * u);
        }
        return x;
    }
}
