package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the branches, iterations or child executions of a Parallel or Map state on the execution's worker pool, each
 * under its own child {@link CancelToken}, and collects their outcomes by index.
 */
final class FanOut {

    /** One indexed piece of work. */
    interface Work {
        JsonNode run(int index, CancelToken token);
    }

    /** Decides what a failure means for the group. */
    interface FailurePolicy {
        /** Records a failure; true when the whole group must stop. */
        boolean onFailure(int index, StatesError e);
    }

    /** What each piece of work came to: an output, an error, or stopped before it ended (aborted). */
    static final class Outcomes {
        final JsonNode[] outputs;
        final StatesError[] errors;
        final boolean[] aborted;
        StatesError firstError;

        Outcomes(int n) {
            outputs = new JsonNode[n];
            errors = new StatesError[n];
            aborted = new boolean[n];
        }

        private synchronized void fail(int i, StatesError e) {
            errors[i] = e;
            if (firstError == null) {
                firstError = e;
            }
        }
    }

    private final ExecutorService workers;

    FanOut(ExecutorService workers) {
        this.workers = workers;
    }

    /**
     * Runs {@code count} pieces of work on at most {@code concurrency} pooled threads, each under its own child token;
     * results keep their index. Returns when all have finished or been stopped.
     */
    Outcomes run(Frame parent, int count, int concurrency, Work work, FailurePolicy policy) {
        Outcomes o = new Outcomes(count);
        if (count == 0) {
            return o;
        }
        CancelToken group = parent.token.child();
        int n = Math.max(1, Math.min(concurrency, count));
        AtomicInteger next = new AtomicInteger();
        CountDownLatch latch = new CountDownLatch(n);
        Runnable worker = () -> {
            try {
                while (!group.cancelled()) {
                    int i = next.getAndIncrement();
                    if (i >= count) {
                        break;
                    }
                    runOne(i, group, work, policy, o);
                }
            } finally {
                latch.countDown();
            }
        };
        for (int w = 0; w < n; w++) {
            try {
                workers.execute(worker);
            } catch (RejectedExecutionException e) {
                latch.countDown();
                group.cancel(CancelToken.Kind.ENDED, "the execution has ended");
            }
        }
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                if (parent.token.cancelled()) {
                    parent.token.release(group);
                    parent.token.check();
                }
            }
        }
        parent.token.release(group);
        parent.token.check();
        return o;
    }

    private static void runOne(int i, CancelToken group, Work work, FailurePolicy policy, Outcomes o) {
        CancelToken it = group.child();
        it.enter();
        try {
            o.outputs[i] = work.run(i, it);
        } catch (StatesError e) {
            o.fail(i, e);
            if (policy.onFailure(i, e)) {
                group.cancel(CancelToken.Kind.SIBLING_FAILED, e.error());
            }
        } catch (CancelToken.Cancelled c) {
            o.aborted[i] = true;
        } catch (RuntimeException | Error t) {
            StatesError e = StatesError.runtime("internal error of the local runner: " + t);
            o.fail(i, e);
            group.cancel(CancelToken.Kind.SIBLING_FAILED, e.cause());
        } finally {
            it.leave();
            group.release(it);
        }
    }

    /**
     * Ends a Parallel or inline Map state: {@code <kind>StateFailed} and the first error, or, when the collected
     * outputs fit the payload limit, {@code <kind>StateSucceeded} and the outputs in index order through
     * ResultSelector, ResultPath and OutputPath.
     */
    static JsonNode finishGroup(
            String kind, Outcomes o, Model.ActionState s, JsonNode raw, JsonNode ctx, Frame f, Interpreter in) {
        if (o.firstError != null) {
            f.record(kind + "StateFailed", Json.NODES.objectNode());
            throw o.firstError;
        }
        ArrayNode results = Json.NODES.arrayNode();
        for (JsonNode r : o.outputs) {
            results.add(r);
        }
        try {
            in.checkCollectedResults(results, s.name(), "");
        } catch (StatesError e) {
            f.record(kind + "StateFailed", Json.NODES.objectNode());
            throw e;
        }
        f.record(kind + "StateSucceeded", Json.NODES.objectNode());
        return DataFlowSteps.stateOutput(s, raw, results, ctx, f);
    }
}
