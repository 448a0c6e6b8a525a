package dev.phylo.evolution;

/**
 * The one definition of a run's defaults: what the seed function fills in for a field the run input leaves out, and
 * what {@code phylo run} and {@code phylo cloud run} show and use. They are compile-time constants so that command
 * line annotations can name them.
 *
 * <p>{@link #MAX_CONCURRENCY} depends on where a run executes: on one machine the evaluations at once are the
 * machine's cores, not Lambda environments. The batch size has no constant default: the seed function sizes it from
 * the concurrency, the bars and evaluate's time budget.
 */
public final class RunDefaults {

    /** Bar interval of the data a run reads. */
    public static final String INTERVAL = "1h";
    /** The last part of each symbol's range kept for out-of-sample validation. */
    public static final double OUT_OF_SAMPLE_FRACTION = 0.3;
    /** Strategies per generation. */
    public static final int POPULATION = 256;
    /** Generations to breed, at most. */
    public static final int GENERATIONS = 20;
    /** Evaluate invocations at once: the Distributed Map's MaxConcurrency. */
    public static final int MAX_CONCURRENCY = 100;
    /** Stop after this many generations without a better best; 0 = never stop early. */
    public static final int STALL_GENERATIONS = 0;
    /** What fitness measures: sharpe, sortino, calmar or return. */
    public static final String OBJECTIVE = "sharpe";
    /** Fewer trades than this in sample make a strategy unfit. */
    public static final int MIN_TRADES = 10;
    /** The run's seed: the same seed and data give the same run. */
    public static final long SEED = 42;
    /** When a signal is filled: at the next bar's open. */
    public static final String FILL = "next-open";
    /** Fee per side, in basis points. */
    public static final double FEE_BPS = 1.0;
    /** Slippage per side, in basis points. */
    public static final double SLIPPAGE_BPS = 1.0;
    /** Capital each backtest starts with. */
    public static final double INITIAL_CAPITAL = 10_000.0;

    private RunDefaults() {}
}
