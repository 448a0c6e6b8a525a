package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.Engine.ACCOUNT;
import static dev.phylo.stepfunctions.internal.Engine.REGION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Distributed Map: each item or batch as its own child execution, whose events stay out of the parent's
 * history (the parent records the map run and its item counts), EXPRESS children limited in time, and the Map
 * failing only when the failed items exceed its {@link FailureTolerance}. The children's outputs are collected (and
 * held to the payload limit) or, with a ResultWriter, exported by {@link ResultExporter}.
 */
final class DistributedMap {

    private final Interpreter interpreter;
    private final FanOut fanOut;
    private final ScheduledThreadPoolExecutor timers;
    private final String smName;
    private final String execName;

    DistributedMap(
            Interpreter interpreter,
            FanOut fanOut,
            ScheduledThreadPoolExecutor timers,
            String smName,
            String execName) {
        this.interpreter = interpreter;
        this.fanOut = fanOut;
        this.timers = timers;
        this.smName = smName;
        this.execName = execName;
    }

    /** A child execution that ran: its identity, input and times, for the ResultWriter. */
    record ChildRun(String name, String arn, JsonNode input, Instant start, Instant stop) {}

    /** How the items of a map run ended, counted in items (not child executions). */
    private record Tally(int failed, int succeeded, int aborted, int firstFailedChild) {

        static Tally of(FanOut.Outcomes o, ChildInputs children) {
            int failed = 0;
            int succeeded = 0;
            int aborted = 0;
            int firstFailed = -1;
            for (int ci = 0; ci < children.count(); ci++) {
                if (o.errors[ci] != null) {
                    failed += children.size(ci);
                    if (firstFailed < 0) {
                        firstFailed = ci;
                    }
                } else if (o.aborted[ci] || o.outputs[ci] == null) {
                    aborted += children.size(ci);
                } else {
                    succeeded += children.size(ci);
                }
            }
            return new Tally(failed, succeeded, aborted, firstFailed);
        }
    }

    JsonNode run(
            Model.MapState s,
            JsonNode raw,
            Frame f,
            JsonNode ctx,
            JsonNode eff,
            ArrayNode items,
            int concurrency,
            String scope) {
        List<JsonNode> selected = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Frame env = new Frame(f.run, f.token, new Cursor(0), scope + "#" + i);
            selected.add(MapStates.itemInput(s, eff, ctx, i, items.get(i), env));
        }
        ChildInputs children = ChildInputs.of(s, f, ctx, eff, selected, scope);
        FailureTolerance tolerance = FailureTolerance.of(s, eff, ctx);
        int total = items.size();
        String mapRunId = UUID.nameUUIDFromBytes((f.run.name() + "|" + scope).getBytes(StandardCharsets.UTF_8))
                .toString();
        String mapRunArn =
                "arn:aws:states:" + REGION + ":" + ACCOUNT + ":mapRun:" + smName + "/" + label(s) + ":" + mapRunId;
        ResultExporter exporter = s.resultWriter() == null
                ? null
                : ResultExporter.of(
                        s,
                        eff,
                        ctx,
                        new Frame(f.run, f.token, new Cursor(0), scope + "#writer"),
                        interpreter.options().objectStore(),
                        mapRunId,
                        mapRunArn,
                        childStateMachineArn(s));
        ObjectNode started = Json.NODES.objectNode();
        started.put("mapRunArn", mapRunArn);
        f.record("MapRunStarted", started);

        int[] failedItems = new int[1];
        boolean[] exceeded = new boolean[1];
        FanOut.FailurePolicy policy = (ci, e) -> {
            synchronized (failedItems) {
                failedItems[0] += children.size(ci);
                if (tolerance.exceededBy(failedItems[0], total)) {
                    exceeded[0] = true;
                }
                return exceeded[0];
            }
        };
        boolean express = "EXPRESS".equals(s.executionType());
        ChildRun[] runs = new ChildRun[children.count()];
        FanOut.Outcomes o = fanOut.run(
                f,
                children.count(),
                concurrency,
                (ci, tok) -> runChild(s, children.inputs().get(ci), tok, scope + "#" + ci, express, runs, ci),
                policy);

        Tally tally = Tally.of(o, children);
        ObjectNode counts = Json.NODES.objectNode();
        counts.put("total", total);
        counts.put("succeeded", tally.succeeded());
        counts.put("failed", tally.failed());
        counts.put("aborted", tally.aborted());
        counts.put("childExecutions", children.count());
        StatesError failure = exceeded[0]
                ? new StatesError(
                        StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                        failureCause(s, o, children, tally, total, tolerance))
                : null;
        JsonNode exported = null;
        if (exporter != null) {
            // written also when the map run failed, so that its failures can be read
            try {
                exported = exporter.write(o, runs);
            } catch (StatesError e) {
                failure = failure == null
                        ? e
                        : new StatesError(
                                failure.error(), failure.cause() + "; writing the results failed too: " + e.cause());
            }
        }
        if (failure != null) {
            ObjectNode d = Events.errorDetails(failure.error(), failure.cause());
            d.set("itemCounts", counts);
            f.record("MapRunFailed", d);
            throw failure;
        }
        ObjectNode d = Json.NODES.objectNode();
        d.put("mapRunArn", mapRunArn);
        d.set("itemCounts", counts);
        f.record("MapRunSucceeded", d);
        if (exported != null) {
            // the results are in S3, not collected: no payload check on them
            return DataFlowSteps.stateOutput(s, raw, exported, ctx, f);
        }
        ArrayNode results = Json.NODES.arrayNode();
        for (int ci = 0; ci < children.count(); ci++) {
            StatesError e = o.errors[ci];
            results.add(e != null ? Json.errorOutput(e.error(), e.cause()) : o.outputs[ci]);
        }
        interpreter.checkCollectedResults(
                results, s.name(), " (a ResultWriter would write them to S3 instead of collecting them)");
        return DataFlowSteps.stateOutput(s, raw, results, ctx, f);
    }

    /** The state machine a Distributed Map's children run: the parent's, under the Map's label. */
    private String childStateMachineArn(Model.MapState s) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + smName + "/" + label(s);
    }

    private static String label(Model.MapState s) {
        return s.label() != null ? s.label() : s.name();
    }

    private static String failureCause(
            Model.MapState s,
            FanOut.Outcomes o,
            ChildInputs children,
            Tally tally,
            int total,
            FailureTolerance tolerance) {
        int firstFailed = tally.firstFailedChild();
        StatesError first = o.errors[firstFailed];
        return "state \"" + s.name() + "\": " + tally.failed() + " of " + total + " items failed ("
                + tolerance.describe() + ")"
                + (tally.aborted() > 0 ? ", " + tally.aborted() + " were not run or were stopped" : "")
                + "; the first failure, at item " + children.firstItem(firstFailed)
                + (children.size(firstFailed) > 1 ? " (batch " + firstFailed + ")" : "")
                + ", was " + first.error() + ": " + first.cause();
    }

    /**
     * One child execution, under its own identity, recorded in {@code runs[index]} when it ends; an EXPRESS one fails
     * with States.Timeout when it runs too long.
     */
    private JsonNode runChild(
            Model.MapState s,
            JsonNode childInput,
            CancelToken tok,
            String scope,
            boolean express,
            ChildRun[] runs,
            int index) {
        String childName = execName + scope.replace('/', '.').replace('@', '-').replace('#', '-');
        String kind = express ? "express" : "execution";
        String arn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":" + kind + ":" + smName + "/" + label(s) + ":"
                + childName;
        Instant start = interpreter.options().clock().instant();
        Run child = new Run(childName, arn, childInput, Events.iso(start), Run.Sink.DISCARD);
        Frame cf = new Frame(child, tok, new Cursor(0), "");
        // ExecutionOptions.expressDurationLimit: 5 minutes on AWS, the Express workflow duration quota
        // (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html)
        Duration limit = interpreter.options().expressDurationLimit();
        ScheduledFuture<?> timer = null;
        if (express) {
            try {
                timer = timers.schedule(
                        () -> tok.cancel(
                                CancelToken.Kind.TIMEOUT, "EXPRESS child execution exceeded " + describe(limit)),
                        limit.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                tok.check();
            }
        }
        try {
            return interpreter.runBranch(s.processor(), childInput, cf);
        } catch (CancelToken.Cancelled c) {
            if (c.reason.origin == tok && c.reason.kind == CancelToken.Kind.TIMEOUT) {
                throw new StatesError(
                        StatesError.TIMEOUT,
                        "child execution " + childName + " of state \"" + s.name() + "\" ran longer than the "
                                + describe(limit) + " an EXPRESS execution may run");
            }
            throw c;
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            runs[index] = new ChildRun(
                    childName,
                    arn,
                    childInput,
                    start,
                    interpreter.options().clock().instant());
        }
    }

    /** "5 minutes", "30 seconds" or "200 ms". */
    static String describe(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            long m = d.toMinutes();
            return m + (m == 1 ? " minute" : " minutes");
        }
        if (d.toMillis() % 1000 == 0) {
            long sec = d.toSeconds();
            return sec + (sec == 1 ? " second" : " seconds");
        }
        return d.toMillis() + " ms";
    }
}
