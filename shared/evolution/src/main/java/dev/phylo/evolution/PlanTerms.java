package dev.phylo.evolution;

import dev.phylo.efs.ExecutionPlan;
import dev.phylo.efs.RunPlan;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.backtest.Fill;
import dev.phylo.engine.evolve.GenomeCodec;
import dev.phylo.engine.evolve.Objective;
import dev.phylo.engine.evolve.RuleFamily;
import dev.phylo.engine.evolve.SearchSpace;
import dev.phylo.engine.strategy.Direction;
import java.util.Locale;

/** A run plan's words in engine terms: search space, objective, execution. Unknown words fail with the choices. */
public final class PlanTerms {

    private PlanTerms() {}

    public static SearchSpace space(RunPlan plan) {
        SearchSpace space = SearchSpace.defaults();
        if (!plan.families().isEmpty()) {
            space = space.withFamilies(
                    plan.families().stream().map(RuleFamily::byId).toArray(RuleFamily[]::new));
        }
        if (!plan.directions().isEmpty()) {
            space = space.withDirections(
                    plan.directions().stream().map(Direction::of).toArray(Direction[]::new));
        }
        return space;
    }

    public static GenomeCodec codec(RunPlan plan) {
        return GenomeCodec.of(space(plan));
    }

    public static Objective objective(RunPlan plan) {
        return new Objective(measure(plan.objective()), plan.minTrades());
    }

    public static Objective.Measure measure(String name) {
        try {
            return Objective.Measure.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown objective '" + name + "': expected one of sharpe, sortino, " + "calmar, return", e);
        }
    }

    public static ExecutionConfig execution(RunPlan plan) {
        ExecutionPlan e = plan.execution();
        return new ExecutionConfig(fill(e.fill()), e.feeBps(), e.slippageBps(), e.initialCapital());
    }

    /** {@code next-open} (default) or {@code close}. */
    public static Fill fill(String name) {
        if (name == null || name.isBlank()) {
            return Fill.NEXT_OPEN;
        }
        try {
            return Fill.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fill '" + name + "': expected next-open or close", e);
        }
    }
}
