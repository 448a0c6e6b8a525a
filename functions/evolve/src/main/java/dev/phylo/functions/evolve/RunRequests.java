package dev.phylo.functions.evolve;

import dev.phylo.efs.DataSlice;
import dev.phylo.efs.ExecutionPlan;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.evolve.RuleFamily;
import dev.phylo.engine.strategy.Direction;
import dev.phylo.evolution.BatchSizing;
import dev.phylo.evolution.PlanTerms;
import dev.phylo.evolution.RunDefaults;
import dev.phylo.function.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a run input and fills in the defaults ({@link RunDefaults}); every error names the field, the value and what is allowed. Then
 * turns it into a {@link RunPlan} against the snapshots the run will use.
 */
final class RunRequests {

    static final Pattern RUN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final int MAX_POPULATION = 1_000_000;
    static final int RUN_ID_MAX = 63;

    private RunRequests() {}

    /** The request with every default filled in: what is stored as the run's config. */
    static SeedRequest normalize(SeedRequest r) {
        require(
                r.runId() != null && RUN_ID.matcher(r.runId()).matches(),
                "runId",
                r.runId(),
                "1-63 of a-z, 0-9 and '-', starting with a letter or digit");
        require(r.symbols() != null && !r.symbols().isEmpty(), "symbols", r.symbols(), "at least one symbol");
        require(
                r.symbols().stream().distinct().count() == r.symbols().size(),
                "symbols",
                r.symbols(),
                "each symbol once");
        String interval = or(r.interval(), RunDefaults.INTERVAL);
        try {
            interval = BarInterval.parse(interval).toString(); // canonical: " 1H" is 1h, as in the snapshot files
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("interval '" + interval + "' is not an interval: " + e.getMessage());
        }
        double oos = or(r.outOfSampleFraction(), RunDefaults.OUT_OF_SAMPLE_FRACTION);
        require(oos > 0 && oos < 1, "outOfSampleFraction", oos, "strictly between 0 and 1");
        int population = or(r.populationSize(), RunDefaults.POPULATION);
        require(population >= 2 && population <= MAX_POPULATION, "populationSize", population, "2.." + MAX_POPULATION);
        int generations = or(r.generations(), RunDefaults.GENERATIONS);
        require(generations >= 1 && generations <= 10_000, "generations", generations, "1..10000");
        Integer batch = r.batchSize(); // null: the seed sizes it (BatchSizing)
        if (batch != null) {
            require(
                    batch >= 1 && batch <= BatchSizing.MAX_BATCH_SIZE,
                    "batchSize",
                    batch,
                    "1.." + BatchSizing.MAX_BATCH_SIZE);
            require(
                    (population + batch - 1) / batch <= BatchSizing.MAX_BATCHES,
                    "batchSize",
                    batch,
                    "at most " + BatchSizing.MAX_BATCHES + " batches per generation (populationSize / batchSize)");
        }
        int stall = or(r.stallGenerations(), RunDefaults.STALL_GENERATIONS);
        require(stall >= 0, "stallGenerations", stall, ">= 0 (0 = never stop early)");
        String objective = or(r.objective(), RunDefaults.OBJECTIVE);
        check(() -> PlanTerms.measure(objective));
        int minTrades = or(r.minTrades(), RunDefaults.MIN_TRADES);
        require(minTrades >= 0, "minTrades", minTrades, ">= 0");
        List<String> families = r.families() == null ? List.of() : List.copyOf(r.families());
        families.forEach(f -> check(() -> RuleFamily.byId(f)));
        List<String> directions = r.directions() == null ? List.of() : List.copyOf(r.directions());
        directions.forEach(d -> check(() -> Direction.of(d)));
        String fill = or(r.fill(), RunDefaults.FILL);
        check(() -> PlanTerms.fill(fill));
        double fee = or(r.feeBps(), RunDefaults.FEE_BPS);
        double slippage = or(r.slippageBps(), RunDefaults.SLIPPAGE_BPS);
        require(fee >= 0 && fee < 1000, "feeBps", fee, "0..1000");
        require(slippage >= 0 && slippage < 1000, "slippageBps", slippage, "0..1000");
        double capital = or(r.initialCapital(), RunDefaults.INITIAL_CAPITAL);
        require(capital > 0, "initialCapital", capital, "> 0");
        int concurrency = or(r.maxConcurrency(), RunDefaults.MAX_CONCURRENCY);
        require(concurrency >= 1 && concurrency <= 10_000, "maxConcurrency", concurrency, "1..10000");
        Long from = r.from() == null ? null : instant("from", r.from());
        Long to = r.to() == null ? null : instant("to", r.to());
        require(from == null || to == null || from < to, "from/to", r.from() + " .. " + r.to(), "from before to");
        Long testFrom = r.testFrom() == null ? null : instant("testFrom", r.testFrom());
        require(
                testFrom == null || ((from == null || from < testFrom) && (to == null || testFrom < to)),
                "testFrom",
                r.testFrom(),
                "inside from .. to");
        Integer walkForward = r.walkForward();
        require(
                walkForward == null || (walkForward >= 1 && walkForward <= WalkForwards.MAX_FOLDS),
                "walkForward",
                walkForward,
                "1.." + WalkForwards.MAX_FOLDS + " folds");
        require(walkForward == null || testFrom == null, "testFrom", r.testFrom(), "no testFrom with walkForward");
        require(
                walkForward == null
                        || r.runId().length()
                                <= RUN_ID_MAX - WalkForwards.suffix(walkForward).length(),
                "runId",
                r.runId(),
                "at most "
                        + (RUN_ID_MAX
                                - WalkForwards.suffix(walkForward == null ? 1 : walkForward)
                                        .length()) + " characters with walkForward (each fold's run id is runId"
                        + "-f<fold>)");
        require(r.anchored() == null || walkForward != null, "anchored", r.anchored(), "only with walkForward");
        Integer foldConcurrency = r.foldConcurrency();
        require(
                foldConcurrency == null || (walkForward != null && foldConcurrency >= 1),
                "foldConcurrency",
                foldConcurrency,
                ">= 1, and only with walkForward");
        return new SeedRequest(
                r.runId(),
                List.copyOf(r.symbols()),
                interval,
                r.from(),
                r.to(),
                oos,
                population,
                generations,
                batch,
                stall,
                objective,
                minTrades,
                families,
                directions,
                or(r.seed(), RunDefaults.SEED),
                fill,
                fee,
                slippage,
                capital,
                concurrency,
                r.testFrom(),
                walkForward,
                walkForward == null ? null : Boolean.TRUE.equals(r.anchored()),
                walkForward == null ? null : or(foldConcurrency, walkForward),
                null);
    }

    /** The same request with its batch size decided. */
    static SeedRequest withBatchSize(SeedRequest r, int batchSize) {
        return new SeedRequest(
                r.runId(),
                r.symbols(),
                r.interval(),
                r.from(),
                r.to(),
                r.outOfSampleFraction(),
                r.populationSize(),
                r.generations(),
                batchSize,
                r.stallGenerations(),
                r.objective(),
                r.minTrades(),
                r.families(),
                r.directions(),
                r.seed(),
                r.fill(),
                r.feeBps(),
                r.slippageBps(),
                r.initialCapital(),
                r.maxConcurrency(),
                r.testFrom(),
                r.walkForward(),
                r.anchored(),
                r.foldConcurrency(),
                null);
    }

    /** The data of a run: each symbol's range cut at testFrom, or else at (1 - outOfSampleFraction) of its span. */
    static List<DataSlice> slices(SeedRequest r, Function<String, SnapshotRef> snapshotOf) {
        List<DataSlice> data = new ArrayList<>();
        for (String symbol : r.symbols()) {
            SnapshotRef snapshot = snapshotOf.apply(symbol);
            long from =
                    r.from() == null ? snapshot.firstTime() : Math.max(snapshot.firstTime(), instant("from", r.from()));
            long to =
                    r.to() == null ? snapshot.lastTime() + 1 : Math.min(snapshot.lastTime() + 1, instant("to", r.to()));
            if (to <= from) {
                throw new InvalidRequestException("no %s %s bars in the requested range: stored %s .. %s"
                        .formatted(
                                symbol,
                                r.interval(),
                                Instant.ofEpochMilli(snapshot.firstTime()),
                                Instant.ofEpochMilli(snapshot.lastTime())));
            }
            long split = r.testFrom() != null
                    ? instant("testFrom", r.testFrom())
                    : from + (long) Math.floor((to - from) * (1 - r.outOfSampleFraction()));
            if (split <= from || split >= to) {
                throw new InvalidRequestException("testFrom %s leaves no %s %s bars in-sample or out-of-sample: the"
                                .formatted(r.testFrom(), symbol, r.interval())
                        + " data runs %s .. %s".formatted(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)));
            }
            data.add(new DataSlice(symbol, r.interval(), snapshot.snapshotId(), from, split, split, to));
        }
        return List.copyOf(data);
    }

    /** The plan of a normalized request whose batch size is decided, over {@code data}. */
    static RunPlan plan(SeedRequest r, List<DataSlice> data) {
        return new RunPlan(
                r.runId(),
                r.seed(),
                r.populationSize(),
                r.generations(),
                r.batchSize(),
                r.stallGenerations(),
                r.objective(),
                r.minTrades(),
                r.families(),
                r.directions(),
                new ExecutionPlan(r.fill(), r.feeBps(), r.slippageBps(), r.initialCapital()),
                data);
    }

    static long instant(String field, String text) {
        try {
            return text.length() == 10
                    ? LocalDate.parse(text)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .toEpochMilli()
                    : Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    field + " '" + text + "' is not a date (2015-01-01) or an instant " + "(2015-01-01T00:00:00Z)");
        }
    }

    private static void check(Runnable validation) {
        try {
            validation.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    private static void require(boolean ok, String field, Object value, String allowed) {
        if (!ok) {
            throw new InvalidRequestException(field + " = " + value + ": expected " + allowed);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
