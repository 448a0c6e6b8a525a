package dev.phylo.engine.evolve.internal;

/**
 * How a gene in {@code [0, 1)} picks one of {@code count} choices: the unit interval is cut into {@code count} equal
 * buckets. Encoding writes a bucket's centre, so decoding it gives the same choice back whatever the rounding. A gene
 * with an "off" region first spends its lowest {@code off} share on "none", then buckets the rest.
 */
public final class Genes {
    /** Returned by {@link #choiceOrOff} for a gene in the off region. */
    public static final int OFF = -1;

    private Genes() {}

    /** The bucket of {@code gene} among {@code count} equal buckets of [0, 1). */
    public static int choice(double gene, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a gene needs at least one choice: " + count);
        }
        return Math.min(count - 1, (int) (gene * count));
    }

    /** The centre of bucket {@code index} of {@code count}. */
    public static double center(int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("choice %d out of [0, %d)".formatted(index, count));
        }
        return (index + 0.5) / count;
    }

    /** {@link #OFF} when {@code gene < off}, else the bucket of the rest of the gene among {@code count}. */
    public static int choiceOrOff(double gene, double off, int count) {
        if (gene < off || count == 0) {
            return OFF;
        }
        return choice((gene - off) / (1 - off), count);
    }

    /** A gene that decodes to choice {@code index} (or {@link #OFF}) under {@link #choiceOrOff}. */
    public static double encodeChoiceOrOff(int index, double off, int count) {
        if (index == OFF) {
            if (!(off > 0)) {
                throw new IllegalArgumentException("no off region to encode into: off=" + off);
            }
            return off / 2;
        }
        if (!(off < 1)) {
            throw new IllegalArgumentException("the gene is always off: off=" + off);
        }
        return off + (1 - off) * center(index, count);
    }

    /** Fails unless {@code genes} has {@code length} values, each finite and in [0, 1). */
    public static void check(double[] genes, int length) {
        if (genes == null || genes.length != length) {
            throw new IllegalArgumentException(
                    "genome must have %d genes, got %s".formatted(length, genes == null ? "null" : genes.length));
        }
        for (int i = 0; i < genes.length; i++) {
            if (!(genes[i] >= 0 && genes[i] < 1)) {
                throw new IllegalArgumentException("gene %d must be in [0, 1): %s".formatted(i, genes[i]));
            }
        }
    }
}
