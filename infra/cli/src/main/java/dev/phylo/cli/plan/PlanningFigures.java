package dev.phylo.cli.plan;

/**
 * The figures a plan assumes that are neither prices ({@link Price}) nor read from the template or measured here
 * ({@link Deployment}, {@link Measured}). Each says where it comes from.
 */
public final class PlanningFigures {

    /** Lambda gives a function one vCPU per 1,769 MB (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html). */
    public static final int MB_PER_VCPU = dev.phylo.evolution.BatchSizing.MB_PER_VCPU;
    /** Lambda bills memory in GB of 1,024 MB; EFS and data transfer bill GB of 2^30 bytes. */
    public static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;
    /**
     * What an evaluate invocation adds to the engine's time: reading the batch, writing the result file
     * (README, "Performance": the service took 20 ms longer than the engine alone on 512 x 100,000 bars).
     */
    public static final double EVALUATE_OVERHEAD_SECONDS = 0.020;
    /**
     * Each invocation of health, seed, persist, breed, validate and report: a database round trip or two and the EFS
     * metadata it touches. A planning allowance, not a measurement; cold starts are not counted.
     */
    public static final double CONTROL_SECONDS = 1.0;
    /**
     * Run files (populations, batches, results) read or written as JSON per vCPU: about half of what reading a 10 MB
     * result file measured on the development machine (35-58 MB/s warm).
     */
    public static final double RUN_FILE_BYTES_PER_SECOND = 20e6;
    /**
     * Rows persist writes to Neon per second (a strategy row and one metrics row per symbol for each strategy): a
     * third of the 181,000 rows/s scripts/bench-functions measured for the same kind of batched insert (ingest's
     * unnest write, 1,000,000 rows in 5.52 s on a local PostgreSQL), for the network and a small Neon compute.
     */
    public static final double PERSIST_ROWS_PER_SECOND = 60_000;
    /**
     * Peak memory per strategy of a generation for the functions that hold a whole generation, in bytes: what
     * {@code phylo run --population 1000000 --bars 300 --batch-size 100 --generations 2} peaked at locally (resident
     * size of each JVM function, its heap bounded at 80 % of MemorySize), divided by its million strategies. Seed 2.0
     * GB (the population and its JSON), breed 3.55 GB (Jenetics holds each genome as gene objects, twice), persist
     * 1.9-2.5 GB (every metric row of two symbols; README, "Scale"). Linear in the population, as every part is.
     */
    public static final double SEED_BYTES_PER_STRATEGY = 2_000;

    public static final double BREED_BYTES_PER_STRATEGY = 3_550;
    public static final double PERSIST_BYTES_PER_STRATEGY = 2_500;
    /**
     * Validate and report hold one generation at a time (about {@link #PERSIST_BYTES_PER_STRATEGY} a strategy) and,
     * for every distinct strategy of the run, its id, genes, fitness, Sharpe ratios and fingerprint: about 430 bytes
     * (an object of 48, a two-symbol TreeMap with its Doubles of 160, the fingerprint of 32, a map entry of 40, the id
     * of 56 and ten genes of 96). Every evaluation is counted as distinct, an upper bound.
     */
    public static final double TRIAL_BYTES = 430;

    /** A snapshot holds six 8-byte columns per bar (shared/efs/README.md). */
    public static final int SNAPSHOT_BYTES_PER_BAR = 48;
    /** Six .npy headers of 128 bytes and snapshot.json (about 1 KB). */
    public static final int SNAPSHOT_HEADER_BYTES = 6 * 128 + 1024;
    /**
     * An EXPRESS child holding one Task state and a small payload bills the smallest memory chunk, 64 MB
     * (https://aws.amazon.com/step-functions/pricing/).
     */
    public static final double EXPRESS_MEMORY_GB = 64 / 1024.0;
    /** EXPRESS duration is billed in 100 ms increments (https://aws.amazon.com/step-functions/pricing/). */
    public static final double EXPRESS_INCREMENT_SECONDS = 0.1;
    /**
     * Lambda adds at most 1,000 execution environments per function every 10 seconds
     * (https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html).
     */
    public static final int SCALING_ENVIRONMENTS = 1_000;

    public static final double SCALING_SECONDS = 10;
    /**
     * An account keeps at least 100 of its concurrency unreserved
     * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
     */
    public static final int UNRESERVED_MINIMUM = 100;
    /** Neon suspends a compute after 5 minutes without a connection (https://neon.com/docs/introduction/plans). */
    public static final double NEON_SUSPEND_SECONDS = 300;
    /** Neon's smallest compute, which a run's few connections keep it at unless autoscaling says otherwise. */
    public static final double NEON_DEFAULT_CU = 0.25;
    /** The S3 objects a map run's ResultWriter writes: manifest.json and one SUCCEEDED_n.json. */
    public static final int RESULT_WRITER_PUTS = 2;
    /** The report function copies report.html and report.json to the report bucket. */
    public static final int REPORT_PUTS = 2;

    private PlanningFigures() {}
}
