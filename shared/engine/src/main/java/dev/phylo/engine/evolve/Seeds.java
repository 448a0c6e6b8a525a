package dev.phylo.engine.evolve;

/**
 * Derives the random seed of each step from the run seed, so that a replayed step draws the same numbers
 * (docs/architecture.md, "Deterministic and idempotent").
 */
public final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    /** The seed of {@code generation} in run {@code runSeed}: {@code mix(mix(runSeed) + GOLDEN * (generation + 1))}. */
    public static long forGeneration(long runSeed, int generation) {
        return mix(mix(runSeed) + GOLDEN * (generation + 1L));
    }

    /** The SplitMix64 finalizer (Steele, Lea and Flood 2014): a bijection on longs with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
