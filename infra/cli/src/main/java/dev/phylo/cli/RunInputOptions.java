package dev.phylo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.evolution.RunDefaults;
import picocli.CommandLine.Option;

/**
 * The run-input options {@code phylo run} and {@code phylo cloud run} share (a picocli mixin). An option left out
 * takes its value from {@link RunDefaults}, the same definition the seed function fills in: {@code phylo run} reads
 * the defaults through the accessors, {@code phylo cloud run} leaves the field out of the input
 * ({@link #putGiven}) so that the deployed seed function applies them.
 *
 * <p>{@code --max-concurrency} defaults to where the run executes: {@link RunDefaults} on AWS, this machine's cores
 * for {@code phylo run} (see {@code RunCommand}). {@code --batch-size} left out is sized by the seed function.
 */
public final class RunInputOptions {

    @Option(
            names = "--interval",
            paramLabel = "1m|1h|1d…",
            description = "Bar interval (default: " + RunDefaults.INTERVAL + ").")
    String interval;

    @Option(names = "--from", description = "First bar, ISO date or instant (default: all stored bars).")
    String from;

    @Option(names = "--to", description = "End of the range, ISO date or instant (default: all stored bars).")
    String to;

    @Option(
            names = "--population",
            description = "Strategies per generation (default: " + RunDefaults.POPULATION + ").")
    Integer population;

    @Option(names = "--generations", description = "Generations (default: " + RunDefaults.GENERATIONS + ").")
    Integer generations;

    @Option(
            names = "--batch-size",
            description = "Strategies per evaluate invocation (default: sized by the seed function, two batches per "
                    + "concurrent evaluator within evaluate's time budget).")
    Integer batchSize;

    @Option(
            names = "--max-concurrency",
            description = "Evaluate invocations at once, the Distributed Map's " + "MaxConcurrency (default: "
                    + RunDefaults.MAX_CONCURRENCY + "; phylo run: this machine's cores).")
    Integer maxConcurrency;

    @Option(names = "--seed", description = "Run seed (default: " + RunDefaults.SEED + ").")
    Long seed;

    @Option(
            names = "--objective",
            description = "sharpe, sortino, calmar or return (default: " + RunDefaults.OBJECTIVE + ").")
    String objective;

    @Option(
            names = "--stall",
            description = "Stop after this many generations without improvement (default: "
                    + RunDefaults.STALL_GENERATIONS + ", never).")
    Integer stall;

    @Option(names = "--fee-bps", description = "Fee per side in bps (default: " + RunDefaults.FEE_BPS + ").")
    Double feeBps;

    @Option(
            names = "--slippage-bps",
            description = "Slippage per side in bps (default: " + RunDefaults.SLIPPAGE_BPS + ").")
    Double slippageBps;

    @Option(
            names = "--walk-forward",
            paramLabel = "K",
            description = "Walk-forward optimisation: cut the range into K+1 windows and run K folds, each evolving on"
                    + " one window and tested on the next; the report stitches the fold winners' out-of-sample"
                    + " equity (default: one in-sample/out-of-sample split).")
    Integer walkForward;

    @Option(
            names = "--anchored",
            description = "With --walk-forward: every fold trains from the first bar (default: rolling, each fold"
                    + " trains on the one window before its test).")
    boolean anchored;

    public String interval() {
        return interval != null ? interval : RunDefaults.INTERVAL;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public int population() {
        return population != null ? population : RunDefaults.POPULATION;
    }

    public int generations() {
        return generations != null ? generations : RunDefaults.GENERATIONS;
    }

    /** The generations asked for on the command line, or null when the option was left out. */
    public Integer generationsGiven() {
        return generations;
    }

    /** The batch size asked for, or null: the default depends on where the run executes. */
    public Integer batchSize() {
        return batchSize;
    }

    /** The concurrency asked for, or null: the default depends on where the run executes. */
    public Integer maxConcurrency() {
        return maxConcurrency;
    }

    /** The folds asked for, or null for an ordinary run. */
    public Integer walkForward() {
        return walkForward;
    }

    public boolean anchored() {
        return anchored;
    }

    public long seed() {
        return seed != null ? seed : RunDefaults.SEED;
    }

    public String objective() {
        return objective != null ? objective : RunDefaults.OBJECTIVE;
    }

    public int stall() {
        return stall != null ? stall : RunDefaults.STALL_GENERATIONS;
    }

    public double feeBps() {
        return feeBps != null ? feeBps : RunDefaults.FEE_BPS;
    }

    public double slippageBps() {
        return slippageBps != null ? slippageBps : RunDefaults.SLIPPAGE_BPS;
    }

    /**
     * Checks the numbers given on the command line, before anything starts; the seed function checks everything again.
     *
     * @throws IllegalArgumentException naming the option and the value
     */
    public void validate() {
        atLeast("--population", population, 2);
        atLeast("--generations", generations, 1);
        atLeast("--batch-size", batchSize, 1);
        atLeast("--max-concurrency", maxConcurrency, 1);
        atLeast("--stall", stall, 0);
        atLeast("--walk-forward", walkForward, 1);
        if (anchored && walkForward == null) {
            throw new IllegalArgumentException("--anchored needs --walk-forward K");
        }
    }

    /** Puts the options given into a run input under the seed function's field names; the others are left out. */
    public void putGiven(ObjectNode input) {
        putText(input, "interval", interval);
        putText(input, "from", from);
        putText(input, "to", to);
        if (population != null) {
            input.put("populationSize", population);
        }
        if (generations != null) {
            input.put("generations", generations);
        }
        if (batchSize != null) {
            input.put("batchSize", batchSize);
        }
        if (seed != null) {
            input.put("seed", seed);
        }
        if (maxConcurrency != null) {
            input.put("maxConcurrency", maxConcurrency);
        }
        putText(input, "objective", objective);
        if (stall != null) {
            input.put("stallGenerations", stall);
        }
        if (feeBps != null) {
            input.put("feeBps", feeBps);
        }
        if (slippageBps != null) {
            input.put("slippageBps", slippageBps);
        }
        if (walkForward != null) {
            input.put("walkForward", walkForward);
        }
        if (anchored) {
            input.put("anchored", true);
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.strip());
        }
    }

    private static void atLeast(String option, Integer value, int min) {
        if (value != null && value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
    }
}
