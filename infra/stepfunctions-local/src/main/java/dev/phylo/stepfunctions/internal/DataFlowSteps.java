package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The steps of a state's data flow that several state types share: reading a path (a path that selects nothing is
 * {@code States.Runtime}), InputPath, OutputPath, and ResultSelector then ResultPath then OutputPath on a result.
 */
final class DataFlowSteps {

    private DataFlowSteps() {}

    /** The value {@code p} selects from the input or the context object; fails when it selects nothing. */
    static JsonNode read(Model.State s, String field, PathExpr p, JsonNode in, JsonNode ctx) {
        JsonNode v = p.read(in, ctx);
        if (v == null) {
            throw StatesError.runtime("state \"" + s.name() + "\": field " + field + ": the JSONPath '" + p.text()
                    + "' could not be found in the "
                    + (p.isContext()
                            ? "context object " + Json.abbreviate(ctx, 1024)
                            : "input " + Json.abbreviate(in, 1024)));
        }
        return v;
    }

    /** Like {@link #read}, and the value must be an integer between {@code min} and {@code max}. */
    static long integerAt(Model.State s, String field, PathExpr p, JsonNode eff, JsonNode ctx, long min, long max) {
        JsonNode v = read(s, field, p, eff, ctx);
        if (!v.isIntegralNumber() || v.longValue() < min || v.longValue() > max) {
            throw StatesError.runtime("state \"" + s.name() + "\": field " + field + ": '" + p.text()
                    + "' must select an integer between " + min + " and " + max + " but selected " + v);
        }
        return v.longValue();
    }

    static JsonNode inputPath(Model.State s, JsonNode raw, JsonNode ctx) {
        return s.inputPath() == null ? Json.NODES.objectNode() : read(s, "InputPath", s.inputPath(), raw, ctx);
    }

    static JsonNode outputPath(Model.State s, JsonNode out, JsonNode ctx) {
        return s.outputPath() == null ? Json.NODES.objectNode() : read(s, "OutputPath", s.outputPath(), out, ctx);
    }

    /** The output of a Task, Parallel or Map state with this result: ResultSelector, ResultPath, OutputPath. */
    static JsonNode stateOutput(Model.ActionState s, JsonNode raw, JsonNode result, JsonNode ctx, Frame f) {
        JsonNode r = s.resultSelector() != null ? s.resultSelector().evaluate(result, ctx, f) : result;
        JsonNode out = s.resultPath().apply(raw, r, s.name(), "ResultPath");
        return outputPath(s, out, ctx);
    }
}
