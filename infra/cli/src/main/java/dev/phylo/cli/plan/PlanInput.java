package dev.phylo.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.evolution.BatchSizing;
import dev.phylo.evolution.RunDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A run input as the plan needs it: the seed function's fields with its defaults ({@link RunDefaults}) filled in, and
 * the data's size, which the input does not say (the seed reads it from the snapshots).
 *
 * @param bars      bars per symbol in the run's range
 * @param barsBasis where {@code bars} comes from, for the output
 * @param batchSize the batch size asked for, or null for seed's choice
 */
public record PlanInput(
        List<String> symbols,
        String interval,
        long bars,
        String barsBasis,
        double outOfSampleFraction,
        int population,
        int generations,
        Integer batchSize,
        int maxConcurrency) {

    /** The run input's fields (the console's JSON); any other name is a mistake worth stopping for. */
    static final Set<String> FIELDS = Set.of(
            "runId",
            "symbols",
            "interval",
            "from",
            "to",
            "outOfSampleFraction",
            "populationSize",
            "generations",
            "batchSize",
            "stallGenerations",
            "objective",
            "minTrades",
            "families",
            "directions",
            "seed",
            "fill",
            "feeBps",
            "slippageBps",
            "initialCapital",
            "maxConcurrency",
            "testFrom",
            "walkForward",
            "anchored",
            "foldConcurrency");

    public PlanInput {
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols: at least one symbol");
        }
        require(
                outOfSampleFraction > 0 && outOfSampleFraction < 1,
                "outOfSampleFraction",
                outOfSampleFraction,
                "strictly between 0 and 1");
        require(population >= 2 && population <= 1_000_000, "populationSize (--population)", population, "2..1000000");
        require(generations >= 1 && generations <= 10_000, "generations (--generations)", generations, "1..10000");
        require(
                maxConcurrency >= 1 && maxConcurrency <= 10_000,
                "maxConcurrency (--max-concurrency)",
                maxConcurrency,
                "1..10000");
        if (batchSize != null) {
            require(
                    batchSize >= 1 && batchSize <= BatchSizing.MAX_BATCH_SIZE,
                    "batchSize (--batch-size)",
                    batchSize,
                    "1.." + BatchSizing.MAX_BATCH_SIZE);
        }
        long inSample = (long) Math.ceil(bars * (1 - outOfSampleFraction));
        require(
                inSample >= 2 && bars - inSample >= 1,
                "bars per symbol",
                bars + " (" + barsBasis + ")",
                "enough for at least 2 in-sample bars and 1 out-of-sample bar at outOfSampleFraction "
                        + outOfSampleFraction);
    }

    /** Bars per symbol a strategy is evaluated on in sample: seed cuts each range at (1 - outOfSampleFraction). */
    public long inSampleBars() {
        return (long) Math.ceil(bars * (1 - outOfSampleFraction));
    }

    public long outOfSampleBars() {
        return bars - inSampleBars();
    }

    /** In-sample bars over every symbol: what one evaluation of one strategy backtests. */
    public long barsPerStrategy() {
        return inSampleBars() * symbols.size();
    }

    /**
     * The plan's input from a run input (as the console takes it, with the command line's options already put in) and
     * the data's size.
     *
     * @param where names the input for messages ({@code "--input run.json"} or {@code "the options"})
     */
    public static PlanInput of(ObjectNode input, DataSize size, String where) {
        List<String> unknown = new ArrayList<>();
        input.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    where + ": unknown field(s) " + unknown + "; a run input has " + new java.util.TreeSet<>(FIELDS));
        }
        List<String> symbols = new ArrayList<>();
        JsonNode list = input.path("symbols");
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + ": symbols must be an array of symbols, got " + list);
        }
        for (JsonNode s : list) {
            if (!s.isTextual() || s.asText().isBlank()) {
                throw new IllegalArgumentException(where + ": symbols must be non-empty strings, got " + s);
            }
            symbols.add(s.asText().strip());
        }
        String intervalText = text(input, "interval", RunDefaults.INTERVAL, where);
        BarInterval interval;
        try {
            interval = BarInterval.parse(intervalText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": interval '" + intervalText + "': " + e.getMessage(), e);
        }
        DataSize.Bars bars = size.bars(interval, text(input, "from", null, where), text(input, "to", null, where));
        return new PlanInput(
                symbols,
                interval.toString(),
                bars.count(),
                bars.basis(),
                number(input, "outOfSampleFraction", RunDefaults.OUT_OF_SAMPLE_FRACTION, where),
                whole(input, "populationSize", RunDefaults.POPULATION, where),
                whole(input, "generations", RunDefaults.GENERATIONS, where),
                input.has("batchSize") ? whole(input, "batchSize", 0, where) : null,
                whole(input, "maxConcurrency", RunDefaults.MAX_CONCURRENCY, where));
    }

    private static String text(JsonNode input, String field, String fallback, String where) {
        JsonNode v = input.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(where + ": " + field + " must be a string, got " + v);
        }
        return v.asText().strip();
    }

    private static double number(JsonNode input, String field, double fallback, String where) {
        JsonNode v = input.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + ": " + field + " must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static int whole(JsonNode input, String field, int fallback, String where) {
        JsonNode v = input.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(where + ": " + field + " must be a whole number, got " + v);
        }
        return v.asInt();
    }

    private static void require(boolean ok, String field, Object value, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException(field + " = " + value + ": expected " + allowed);
        }
    }
}
