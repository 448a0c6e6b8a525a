package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Retry and Catch of Task, Parallel and Map: repeats a failed attempt as the first matching Retrier allows, with its
 * back-off, then hands the error to the first matching Catcher. Terminal errors are never retried or caught.
 */
final class ErrorHandler {

    /** One attempt at a state; returns the state's output. */
    interface Attempt {
        JsonNode run(int retryCount);
    }

    private final Interpreter interpreter;

    ErrorHandler(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    Transition run(Model.ActionState s, JsonNode raw, Frame f, Attempt attempt) {
        int[] used = new int[s.retriers().size()];
        int retryCount = 0;
        while (true) {
            f.token.check();
            try {
                return interpreter.exit(s, attempt.run(retryCount), f);
            } catch (StatesError e) {
                if (e.terminal()) {
                    throw e;
                }
                int ri = matching(s.retriers(), e);
                if (ri >= 0 && used[ri] < s.retriers().get(ri).maxAttempts()) {
                    Duration delay = backoff(s.retriers().get(ri), used[ri], f);
                    used[ri]++;
                    retryCount++;
                    interpreter.sleep(f, delay);
                    continue;
                }
                for (Model.Catcher c : s.catchers()) {
                    if (matches(c.errorEquals(), e)) {
                        return caught(s, raw, f, c, e);
                    }
                }
                throw e;
            }
        }
    }

    /** The state's output when a Catcher takes the error: the error output placed by the Catcher's ResultPath. */
    private Transition caught(Model.ActionState s, JsonNode raw, Frame f, Model.Catcher c, StatesError e) {
        JsonNode out = c.resultPath().apply(raw, Json.errorOutput(e.error(), e.cause()), s.name(), "Catch ResultPath");
        interpreter.checkSize(out, s.name(), "state output");
        ObjectNode d = Json.NODES.objectNode();
        d.put("name", s.name());
        f.record(s.type() + "StateExited", Events.data(d, "output", out));
        return new Transition(c.next(), out);
    }

    private static boolean matches(List<String> names, StatesError e) {
        for (String n : names) {
            if (e.matches(n)) {
                return true;
            }
        }
        return false;
    }

    private static int matching(List<Model.Retrier> retriers, StatesError e) {
        for (int i = 0; i < retriers.size(); i++) {
            if (matches(retriers.get(i).errorEquals(), e)) {
                return i;
            }
        }
        return -1;
    }

    /** IntervalSeconds * BackoffRate^attempt, capped by MaxDelaySeconds, then FULL jitter. */
    private static Duration backoff(Model.Retrier r, int attempt, Intrinsics.Env env) {
        double delay = r.intervalSeconds() * Math.pow(r.backoffRate(), attempt);
        if (r.maxDelaySeconds() != null) {
            delay = Math.min(delay, r.maxDelaySeconds());
        }
        if (r.fullJitter()) {
            delay = new Random(ByteBuffer.wrap(env.nextDigest()).getLong()).nextDouble() * delay;
        }
        return Duration.ofMillis(Math.round(delay * 1000));
    }
}
