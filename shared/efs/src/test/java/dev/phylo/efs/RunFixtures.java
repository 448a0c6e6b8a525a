package dev.phylo.efs;

import dev.phylo.engine.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Run-file values for tests. */
final class RunFixtures {
    static final String RUN = "run-2024-01";
    static final String SNAPSHOT = "00112233445566778899aabbccddeeff";

    private RunFixtures() {}

    static RunPlan plan() {
        return new RunPlan(
                RUN,
                42L,
                200,
                30,
                50,
                5,
                "sharpe",
                10,
                List.of("trend", "meanReversion"),
                List.of(),
                new ExecutionPlan("NEXT_OPEN", 5, 2, 10_000),
                List.of(
                        new DataSlice("^GSPC", "1d", SNAPSHOT, 0, 1_000, 1_000, 2_000),
                        new DataSlice("BTC-USD", "1h", SNAPSHOT, 5_000, 6_000, 4_000, 5_000)));
    }

    static String id(int i) {
        return "%032x".formatted(i);
    }

    static List<Individual> individuals(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Individual> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] genes = new double[12];
            for (int g = 0; g < genes.length; g++) {
                genes[g] = random.nextDouble(-1e3, 1e3) * Math.pow(10, random.nextInt(-20, 20));
            }
            out.add(new Individual(id(i), genes));
        }
        return out;
    }

    static Metrics metrics(double x) {
        return new Metrics(
                x,
                x / 3,
                x * 7,
                null,
                0.25,
                1.0 / 3.0,
                12,
                0.5,
                null,
                0.4,
                -0.001,
                0.1,
                -0.07,
                10_000 * (1 + x),
                5_000);
    }

    static BatchResult result(int batch) {
        List<StrategyResult> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(new StrategyResult(
                    id(i), 0.1 * i + 0.2, Map.of("^GSPC", metrics(0.1 + i), "BTC-USD", metrics(-0.3 * i))));
        }
        return new BatchResult(RUN, 3, batch, 25_000L, results);
    }
}
