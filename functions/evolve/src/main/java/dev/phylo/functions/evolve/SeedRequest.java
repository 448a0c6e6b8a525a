package dev.phylo.functions.evolve;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A run's input. Only {@code runId} and {@code symbols} are required; every other field has a default (see
 * {@link RunRequests}). Dates are ISO ({@code 2015-01-01} or an instant); the range defaults to all stored bars.
 *
 * <p>{@code testFrom}, when given, is where the out-of-sample range starts (instead of {@code outOfSampleFraction}):
 * a walk-forward fold names its windows exactly. {@code walkForward} = K makes the run a walk-forward parent of K fold
 * runs ({@code anchored}: every fold trains from the first bar; {@code foldConcurrency}: how many folds run at once,
 * default all); see {@link WalkForwards}.
 *
 * <p>{@code resume: true} with a {@code runId} continues an interrupted run from its last persisted generation, in a
 * new execution ("continue as new"): every other field is the run's stored configuration and must be left out (see
 * {@link EvolveService#seed}).
 */
@RegisterForReflection
public record SeedRequest(
        String runId,
        List<String> symbols,
        String interval,
        String from,
        String to,
        Double outOfSampleFraction,
        Integer populationSize,
        Integer generations,
        Integer batchSize,
        Integer stallGenerations,
        String objective,
        Integer minTrades,
        List<String> families,
        List<String> directions,
        Long seed,
        String fill,
        Double feeBps,
        Double slippageBps,
        Double initialCapital,
        Integer maxConcurrency,
        String testFrom,
        Integer walkForward,
        Boolean anchored,
        Integer foldConcurrency,
        Boolean resume) {

    /** A resumed run's input: the run id alone (its configuration is the one stored with the run). */
    public boolean resuming() {
        return Boolean.TRUE.equals(resume);
    }
}
