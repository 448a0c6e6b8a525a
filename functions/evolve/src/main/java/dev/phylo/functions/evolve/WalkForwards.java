package dev.phylo.functions.evolve;

import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.WalkForwardPlan;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.function.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Plans a walk-forward run (docs/architecture.md, decision 18): the symbols' common range is cut into K+1 windows of
 * equal time span; fold i trains on window i (rolling) or on windows 1..i (anchored) and is tested on window i+1. Each
 * fold is an ordinary run whose input names its windows exactly ({@code from}, {@code testFrom}, {@code to}).
 */
final class WalkForwards {

    static final int MAX_FOLDS = 24;
    /** Fewest bars a window may hold (estimated from each snapshot's bars per unit of time): less is no test. */
    static final int MIN_BARS_PER_WINDOW = 50;

    private WalkForwards() {}

    /** What a fold's run id adds to its parent's, at its longest. */
    static String suffix(int folds) {
        return "-f" + folds;
    }

    static String foldRunId(String runId, int fold) {
        return runId + "-f" + fold;
    }

    /** The folds of a normalized walk-forward request over the range every symbol has stored. */
    static WalkForwardPlan plan(SeedRequest r, Function<String, SnapshotRef> snapshotOf) {
        long from = r.from() == null ? Long.MIN_VALUE : RunRequests.instant("from", r.from());
        long to = r.to() == null ? Long.MAX_VALUE : RunRequests.instant("to", r.to());
        long step = BarInterval.parse(r.interval()).millis();
        List<SnapshotRef> snapshots = new ArrayList<>();
        for (String symbol : r.symbols()) {
            SnapshotRef s = snapshotOf.apply(symbol);
            snapshots.add(s);
            from = Math.max(from, s.firstTime());
            to = Math.min(to, s.lastTime() + step); // the last bar spans one interval
        }
        if (to <= from) {
            throw new InvalidRequestException("walkForward: the symbols " + r.symbols() + " have no " + r.interval()
                    + " bars in common in the requested range");
        }
        int k = r.walkForward();
        int windows = k + 1;
        long width = (to - from) / windows;
        for (SnapshotRef s : snapshots) {
            double barsPerMilli = s.rows() / (s.lastTime() + 1.0 - s.firstTime());
            long bars = (long) Math.floor(width * barsPerMilli);
            if (bars < MIN_BARS_PER_WINDOW) {
                throw new InvalidRequestException(
                        "walkForward = %d: %s's %s .. %s would be cut into %d windows of about %d bars; each needs at least %d (ask for fewer folds or give more data)"
                                .formatted(
                                        k,
                                        s.symbol(),
                                        Instant.ofEpochMilli(from),
                                        Instant.ofEpochMilli(to),
                                        windows,
                                        bars,
                                        MIN_BARS_PER_WINDOW));
            }
        }
        long[] bound = new long[windows + 1];
        for (int j = 0; j < windows; j++) {
            bound[j] = from + j * width / step * step; // on a bar boundary counted from the first bar
        }
        bound[windows] = to;
        boolean anchored = Boolean.TRUE.equals(r.anchored());
        List<WalkForwardPlan.Fold> folds = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            folds.add(new WalkForwardPlan.Fold(
                    i, foldRunId(r.runId(), i), anchored ? bound[0] : bound[i - 1], bound[i], bound[i + 1]));
        }
        return new WalkForwardPlan(r.runId(), anchored, folds);
    }

    /** Each fold's run input: the parent's settings on the fold's windows. */
    static List<SeedRequest> inputs(SeedRequest parent, WalkForwardPlan plan) {
        List<SeedRequest> inputs = new ArrayList<>();
        for (WalkForwardPlan.Fold f : plan.folds()) {
            inputs.add(new SeedRequest(
                    f.runId(),
                    parent.symbols(),
                    parent.interval(),
                    Instant.ofEpochMilli(f.trainFrom()).toString(),
                    Instant.ofEpochMilli(f.testTo()).toString(),
                    parent.outOfSampleFraction(),
                    parent.populationSize(),
                    parent.generations(),
                    parent.batchSize(),
                    parent.stallGenerations(),
                    parent.objective(),
                    parent.minTrades(),
                    parent.families(),
                    parent.directions(),
                    parent.seed(),
                    parent.fill(),
                    parent.feeBps(),
                    parent.slippageBps(),
                    parent.initialCapital(),
                    parent.maxConcurrency(),
                    Instant.ofEpochMilli(f.testFrom()).toString(),
                    null,
                    null,
                    null,
                    null));
        }
        return List.copyOf(inputs);
    }
}
