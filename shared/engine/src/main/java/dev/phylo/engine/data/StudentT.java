package dev.phylo.engine.data;

import java.util.random.RandomGenerator;

/**
 * Student-t variates scaled to unit variance: {@code N / sqrt(chi²(nu) / nu) * sqrt((nu - 2) / nu)}.
 * The chi-square comes from Marsaglia and Tsang's gamma method (shape {@code nu / 2 >= 1}).
 * Infinite {@code nu} gives standard normal variates.
 */
final class StudentT {
    private final double nu;
    private final boolean normal;
    private final double d;
    private final double c;
    private final double scale;

    StudentT(double nu) {
        if (!(nu > 2)) {
            throw new IllegalArgumentException("degrees of freedom must exceed 2: " + nu);
        }
        this.nu = nu;
        this.normal = Double.isInfinite(nu);
        this.d = nu / 2 - 1.0 / 3;
        this.c = 1 / Math.sqrt(9 * d);
        this.scale = normal ? 1 : Math.sqrt((nu - 2) / nu);
    }

    double next(RandomGenerator rng) {
        double z = rng.nextGaussian();
        if (normal) {
            return z;
        }
        double chiSquare = 2 * gamma(rng);
        return z / Math.sqrt(chiSquare / nu) * scale;
    }

    /** Gamma(shape nu/2, scale 1) by Marsaglia and Tsang (2000). */
    private double gamma(RandomGenerator rng) {
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || StrictMath.log(u) < 0.5 * x2 + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }
}
