package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Runs one attempt of a Parallel state: every branch on the same input, concurrently; the first failing branch stops
 * the others and fails the state.
 */
final class ParallelStates {

    private final Interpreter interpreter;
    private final FanOut fanOut;

    ParallelStates(Interpreter interpreter, FanOut fanOut) {
        this.interpreter = interpreter;
        this.fanOut = fanOut;
    }

    JsonNode run(Model.ParallelState s, JsonNode raw, Frame f, Instant entered, int retryCount) {
        JsonNode ctx = interpreter.context(f, s, entered, retryCount);
        JsonNode eff = DataFlowSteps.inputPath(s, raw, ctx);
        if (s.parameters() != null) {
            eff = s.parameters().evaluate(eff, ctx, f);
        }
        final JsonNode branchInput = eff;
        f.record("ParallelStateStarted", Json.NODES.objectNode());
        long startId = f.cursor.last;
        long seq = f.seq.getAndIncrement();
        int n = s.branches().size();
        FanOut.Outcomes o = fanOut.run(
                f,
                n,
                Math.min(n, interpreter.options().maxParallelism()),
                (i, tok) -> {
                    String scope = f.scope + "/" + s.name() + "@" + seq + "[" + i + "]";
                    return interpreter.runBranch(
                            s.branches().get(i), branchInput, new Frame(f.run, tok, new Cursor(startId), scope));
                },
                (i, e) -> true);
        return FanOut.finishGroup("Parallel", o, s, raw, ctx, f, interpreter);
    }
}
