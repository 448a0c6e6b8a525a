package dev.phylo.cli.plan;

import static dev.phylo.cli.plan.PlanningFigures.BREED_BYTES_PER_STRATEGY;
import static dev.phylo.cli.plan.PlanningFigures.PERSIST_BYTES_PER_STRATEGY;
import static dev.phylo.cli.plan.PlanningFigures.SEED_BYTES_PER_STRATEGY;
import static dev.phylo.cli.plan.PlanningFigures.TRIAL_BYTES;

import dev.phylo.cli.plan.CloudPlan.EfsUse;
import dev.phylo.cli.plan.CloudPlan.FunctionUse;
import dev.phylo.cli.plan.CloudPlan.Work;
import dev.phylo.cli.plan.Deployment.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What in a plan would make the run fail, or cost more than it should: each says what, by how much and why. */
final class Warnings {

    private Warnings() {}

    static List<String> of(
            PlanInput in, Deployment d, Measured m, Work work, Map<Step, FunctionUse> lambda, EfsUse efs) {
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
        double generation = in.population();
        double trials = (double) work.evaluations() * TRIAL_BYTES;
        Map<Step, Double> needs = new EnumMap<>(Step.class);
        needs.put(Step.SEED, generation * SEED_BYTES_PER_STRATEGY);
        needs.put(Step.BREED, generation * BREED_BYTES_PER_STRATEGY);
        needs.put(Step.PERSIST, generation * PERSIST_BYTES_PER_STRATEGY);
        needs.put(Step.VALIDATE, generation * PERSIST_BYTES_PER_STRATEGY + trials);
        needs.put(Step.REPORT, generation * PERSIST_BYTES_PER_STRATEGY + trials);
        for (Map.Entry<Step, Double> need : needs.entrySet()) {
            int memory = d.function(need.getKey()).memoryMb();
            if (need.getValue() > memory * 1024.0 * 1024) {
                out.add(String.format(
                        Locale.ROOT,
                        "%s needs about %,.0f MB for a generation of %,d%s; it has %,d MB: raise %sMemorySize "
                                + "(at most 10,240), or run %s",
                        need.getKey().label(),
                        Math.ceil(need.getValue() / (1024.0 * 1024)),
                        in.population(),
                        need.getKey() == Step.VALIDATE || need.getKey() == Step.REPORT
                                ? String.format(Locale.ROOT, " and %,d evaluations", work.evaluations())
                                : "",
                        memory,
                        parameterPrefix(need.getKey()),
                        need.getKey() == Step.VALIDATE || need.getKey() == Step.REPORT
                                ? "fewer evaluations"
                                : "a smaller population"));
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

    /** The template's parameter prefix of a step's function: breed's memory is BreedMemorySize. */
    private static String parameterPrefix(Step step) {
        String label = step.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
