package dev.phylo.bench.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Wall times of repeated runs of one operation, in nanoseconds; the median is the figure reported. */
final class Samples {

    private final String name;
    private final List<Long> nanos = new ArrayList<>();

    Samples(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    /** The {@code q}-quantile (0..1) by the nearest-rank method: the smallest sample with at least q of them at or below. */
    double quantileSeconds(double q) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e9;
    }

    double medianSeconds() {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return median / 1e9;
    }

    /**
     * {@code name  median 1.2340 s over 3 runs, sorted [1.2000, 1.2340, 1.3000]}: every sample, for judging the noise;
     * beyond nine samples only min, quartiles and max.
     */
    String detail() {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        StringBuilder shown = new StringBuilder();
        if (n <= 9) {
            shown.append("sorted [");
            for (int i = 0; i < n; i++) {
                shown.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", sorted[i] / 1e9));
            }
            shown.append(']');
        } else {
            shown.append(String.format(
                    Locale.ROOT,
                    "min %.4f, p25 %.4f, p75 %.4f, max %.4f",
                    sorted[0] / 1e9,
                    sorted[n / 4] / 1e9,
                    sorted[(3 * n) / 4] / 1e9,
                    sorted[n - 1] / 1e9));
        }
        return String.format(Locale.ROOT, "%-42s median %.4f s over %d runs, %s", name, medianSeconds(), n, shown);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(nanos.toArray());
    }
}
