package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a run needs to be reproduced: {@code runs/<runId>/run.json}.
 *
 * @param seed             the one seed of the run's random generator (per generation: derived from seed and generation)
 * @param stallGenerations generations without improvement after which the run stops; 0 never stops early
 * @param objective        the fitness objective by name, for example {@code sharpe}
 * @param minTrades        fewest trades for a strategy to be ranked
 * @param families         search-space families to draw from; empty means all
 * @param directions       trade directions to allow; empty means all
 * @param data             one slice per symbol, at least one
 */
public record RunPlan(
        String runId,
        long seed,
        int populationSize,
        int generations,
        int batchSize,
        int stallGenerations,
        String objective,
        int minTrades,
        List<String> families,
        List<String> directions,
        ExecutionPlan execution,
        List<DataSlice> data) {
    public RunPlan {
        Checks.runId(runId);
        positive("populationSize", populationSize);
        positive("generations", generations);
        if (generations > Checks.MAX_GENERATION + 1) {
            throw new IllegalArgumentException(
                    "generations must be <= %d: %d".formatted(Checks.MAX_GENERATION + 1, generations));
        }
        positive("batchSize", batchSize);
        if (stallGenerations < 0) {
            throw new IllegalArgumentException(
                    "stallGenerations must be >= 0 (0 = never stop early): " + stallGenerations);
        }
        Checks.nonBlank("objective", objective);
        if (minTrades < 0) {
            throw new IllegalArgumentException("minTrades must be >= 0: " + minTrades);
        }
        families = names("families", families);
        directions = names("directions", directions);
        Objects.requireNonNull(execution, "execution");
        data = Checks.list("data", data);
        if (data.isEmpty()) {
            throw new IllegalArgumentException("data must hold at least one slice");
        }
        Set<String> symbols = new HashSet<>();
        for (DataSlice slice : data) {
            if (!symbols.add(slice.symbol())) {
                throw new IllegalArgumentException("data has two slices for symbol \"%s\" (results are keyed by symbol)"
                        .formatted(slice.symbol()));
            }
        }
    }

    private static void positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
    }

    private static List<String> names(String what, List<String> values) {
        List<String> copy = Checks.list(what, values);
        for (int i = 0; i < copy.size(); i++) {
            Checks.nonBlank(what + "[" + i + "]", copy.get(i));
        }
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException(what + " has duplicates: " + copy);
        }
        return copy;
    }
}
