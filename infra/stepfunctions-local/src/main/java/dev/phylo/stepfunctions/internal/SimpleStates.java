package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.DataFlowSteps.inputPath;
import static dev.phylo.stepfunctions.internal.DataFlowSteps.outputPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/** Runs the states that neither call a function nor fan out: Pass, Choice, Wait, Succeed and Fail. */
final class SimpleStates {

    private final Interpreter interpreter;

    SimpleStates(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    Transition pass(Model.PassState s, JsonNode raw, Frame f, Instant entered) {
        JsonNode ctx = interpreter.context(f, s, entered, 0);
        JsonNode eff = inputPath(s, raw, ctx);
        if (s.parameters() != null) {
            eff = s.parameters().evaluate(eff, ctx, f);
        }
        // a copy: the output goes to the caller, and the model is shared by every execution of the machine
        JsonNode result = s.result() != null ? s.result().deepCopy() : eff;
        JsonNode out = s.resultPath().apply(raw, result, s.name(), "ResultPath");
        return interpreter.exit(s, outputPath(s, out, ctx), f);
    }

    Transition succeed(Model.State s, JsonNode raw, Frame f, Instant entered) {
        JsonNode ctx = interpreter.context(f, s, entered, 0);
        return interpreter.exit(s, outputPath(s, inputPath(s, raw, ctx), ctx), f);
    }

    Transition choice(Model.ChoiceState s, JsonNode raw, Frame f, Instant entered) {
        JsonNode ctx = interpreter.context(f, s, entered, 0);
        JsonNode eff = inputPath(s, raw, ctx);
        String next = null;
        for (Choice.Rule r : s.choices()) {
            if (r.cond.test(eff, ctx)) {
                next = r.next;
                break;
            }
        }
        if (next == null) {
            next = s.defaultNext();
        }
        if (next == null) {
            throw new StatesError(
                    StatesError.NO_CHOICE_MATCHED,
                    "state \"" + s.name() + "\": no choice rule matched the input " + Json.abbreviate(eff, 1024)
                            + " and there is no Default");
        }
        JsonNode out = outputPath(s, eff, ctx);
        interpreter.checkSize(out, s.name(), "state output");
        ObjectNode d = Json.NODES.objectNode();
        d.put("name", s.name());
        f.record("ChoiceStateExited", Events.data(d, "output", out));
        return new Transition(next, out);
    }

    Transition waitState(Model.WaitState s, JsonNode raw, Frame f, Instant entered) {
        JsonNode ctx = interpreter.context(f, s, entered, 0);
        JsonNode eff = inputPath(s, raw, ctx);
        Duration wait;
        if (s.seconds() != null) {
            wait = Duration.ofSeconds(s.seconds());
        } else if (s.secondsPath() != null) {
            JsonNode v = DataFlowSteps.read(s, "SecondsPath", s.secondsPath(), eff, ctx);
            if (!v.isIntegralNumber() || v.longValue() < 0) {
                throw StatesError.runtime("state \"" + s.name() + "\": field SecondsPath: '"
                        + s.secondsPath().text() + "' must select a non-negative integer but selected " + v);
            }
            wait = Duration.ofSeconds(v.longValue());
        } else {
            Instant until = s.timestamp();
            if (until == null) {
                JsonNode v = DataFlowSteps.read(s, "TimestampPath", s.timestampPath(), eff, ctx);
                until = v.isTextual() ? Choice.timestamp(v.textValue()) : null;
                if (until == null) {
                    throw StatesError.runtime("state \"" + s.name() + "\": field TimestampPath: '"
                            + s.timestampPath().text() + "' must select an RFC 3339 timestamp but selected " + v);
                }
            }
            wait = Duration.between(interpreter.options().clock().instant(), until);
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
        }
        interpreter.sleep(f, wait);
        return interpreter.exit(s, outputPath(s, eff, ctx), f);
    }

    /** The error a Fail state ends its branch with, for the caller to throw. */
    StatesError fail(Model.FailState s, JsonNode raw, Frame f, Instant entered) {
        JsonNode ctx = interpreter.context(f, s, entered, 0);
        String error = s.error();
        String cause = s.cause();
        if (s.errorPath() != null) {
            error = failText(s, "ErrorPath", s.errorPath().evaluate(raw, ctx, f));
        }
        if (s.causePath() != null) {
            cause = failText(s, "CausePath", s.causePath().evaluate(raw, ctx, f));
        }
        return new StatesError(error, cause == null ? "" : cause);
    }

    private static String failText(Model.State s, String field, JsonNode v) {
        if (!v.isTextual()) {
            throw StatesError.runtime(
                    "state \"" + s.name() + "\": field " + field + " must select a string but selected " + v);
        }
        return v.textValue();
    }
}
