package dev.phylo.cli.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/**
 * The options a plan needs besides the run input, shared by {@code phylo cloud plan} and {@code phylo cloud run} (a
 * picocli mixin): the data's size, the engine's throughput when it should not be measured, and the template.
 */
public final class PlanOptions {

    @Option(
            names = "--bars",
            paramLabel = "N",
            description = "Bars per symbol in the run's range (for the plan; the run reads them from the snapshots).")
    Long bars;

    @Option(
            names = "--years",
            paramLabel = "Y",
            description = "Years of data per symbol at --interval, 24 h a day (for the plan; instead of --bars).")
    Double years;

    @Option(
            names = "--strategy-bars-per-second",
            paramLabel = "N",
            description = "The engine's throughput per vCPU for the plan (default: measured here in about 2 s).")
    Double strategyBarsPerSecond;

    @Option(
            names = "--template",
            paramLabel = "FILE",
            description = "The SAM template the plan reads memory, timeouts and the state machine from (default: "
                    + "sam/template.yaml in the current folder or above).")
    Path template;

    public DataSize dataSize() {
        return new DataSize(bars, years);
    }

    /** Whether any data size was given: without one only a run input's from and to can size the data. */
    public boolean sized() {
        return bars != null || years != null;
    }

    public OptionalDouble throughput() {
        if (strategyBarsPerSecond == null) {
            return OptionalDouble.empty();
        }
        if (!(strategyBarsPerSecond > 0) || strategyBarsPerSecond.isInfinite()) {
            throw new IllegalArgumentException(
                    "--strategy-bars-per-second must be a positive number, got " + strategyBarsPerSecond);
        }
        return OptionalDouble.of(strategyBarsPerSecond);
    }

    /** --template, else the nearest sam/template.yaml from the current folder upwards. */
    public Path template() {
        if (template != null) {
            if (!Files.isRegularFile(template)) {
                throw new IllegalArgumentException("--template " + template + " is not a file");
            }
            return template.toAbsolutePath().normalize();
        }
        Path from = Path.of("").toAbsolutePath();
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("sam/template.yaml"))) {
                return p.resolve("sam/template.yaml");
            }
        }
        throw new IllegalArgumentException(
                "no sam/template.yaml in " + from + " or above: run from the Phylo checkout " + "or pass --template");
    }
}
