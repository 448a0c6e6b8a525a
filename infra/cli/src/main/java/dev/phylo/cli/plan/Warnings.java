package dev.phylo.cli.plan;

import static dev.phylo.cli.plan.PlanningFigures.BYTES_PER_GB;

import dev.phylo.cli.plan.CloudPlan.EfsUse;
import dev.phylo.cli.plan.CloudPlan.FunctionUse;
import dev.phylo.cli.plan.CloudPlan.Work;
import dev.phylo.cli.plan.Deployment.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What in a plan would make the run fail, or cost more than it should: each says what, by how much and why. */
final class Warnings {

    /** The local runner bounds a function's heap at 80 % of its MemorySize, as a JVM function on Lambda would be. */
    static final double HEAP_SHARE = 0.8;

    private Warnings() {}

    static List<String> of(
            PlanInput in,
            Deployment d,
            Measured m,
            Work work,
            Map<Step, FunctionUse> lambda,
            EfsUse efs,
            double historyBytes) {
        List<String> out = new ArrayList<>();
        if (work.concurrency() < in.maxConcurrency()) {
            out.add(String.format(
                    Locale.ROOT,
                    "maxConcurrency %,d is capped at evaluate's reserved concurrency %,d (EvaluateMaxConcurrency)",
                    in.maxConcurrency(),
                    work.concurrency()));
        }
        if (m.strategyBarsPerSecond() < d.planningThroughput()) {
            out.add(String.format(
                    Locale.ROOT,
                    "the engine ran %,.0f strategy-bars/s per vCPU here, below the %,.0f seed sizes batches with: "
                            + "a batch may take %.1f s of the %.0f s seed allows it (a busy machine measures low)",
                    m.strategyBarsPerSecond(),
                    d.planningThroughput(),
                    work.batchSeconds(),
                    work.batchBudgetSeconds()));
        }
        if (!efs.cacheHoldsSnapshots()) {
            out.add(String.format(
                    Locale.ROOT,
                    "%d snapshot(s) of %.1f MB do not fit evaluate's %.0f MB snapshot cache "
                            + "(PHYLO_EVALUATE_SNAPSHOT_CACHE_BYTES): every invocation re-reads them from EFS",
                    in.symbols().size(),
                    efs.snapshotBytes() / 1e6,
                    d.snapshotCacheBytes() / 1e6));
        }
        for (Step step : List.of(Step.VALIDATE, Step.REPORT)) {
            int memory = d.function(step).memoryMb();
            if (historyBytes > memory * 1024.0 * 1024 * HEAP_SHARE) {
                out.add(String.format(
                        Locale.ROOT,
                        "%s reads every generation's populations and results (%.1f GB of JSON) into memory; it has "
                                + "%,d MB: raise %sMemorySize, or run fewer evaluations",
                        step.label(),
                        historyBytes / BYTES_PER_GB,
                        memory,
                        d.function(step).logicalId().replace("Function", "")));
            }
        }
        for (Map.Entry<Step, FunctionUse> e : lambda.entrySet()) {
            FunctionUse use = e.getValue();
            double each = use.seconds() / Math.max(1, use.invocations());
            int timeout = d.function(e.getKey()).timeoutSeconds();
            if (each > timeout) {
                out.add(String.format(
                        Locale.ROOT,
                        "%s needs about %,.0f s an invocation, more than its %d s timeout",
                        e.getKey().label(),
                        each,
                        timeout));
            }
        }
        return List.copyOf(out);
    }
}
