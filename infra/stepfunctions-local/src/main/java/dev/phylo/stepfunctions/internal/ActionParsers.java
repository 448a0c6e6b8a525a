package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.Fields.err;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.AslException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the fields that Task, Parallel and Map share: Parameters, ResultSelector, ResultPath, and the Retriers and
 * Catchers with their ErrorEquals.
 */
final class ActionParsers {

    private static final Set<String> KNOWN_ERRORS = Set.of(
            "States.ALL",
            "States.DataLimitExceeded",
            "States.ExceedToleratedFailureThreshold",
            "States.HeartbeatTimeout",
            "States.Http.Socket",
            "States.IntrinsicFailure",
            "States.ItemReaderFailed",
            "States.NoChoiceMatched",
            "States.ParameterPathFailure",
            "States.Permissions",
            "States.ResultPathMatchFailure",
            "States.ResultWriterFailed",
            "States.Runtime",
            "States.TaskFailed",
            "States.Timeout",
            "States.BranchFailed",
            "States.QueryEvaluationError");

    private ActionParsers() {}

    /** {@code withParameters} is false for a Map, whose Parameters are the legacy ItemSelector. */
    static Model.Action action(String name, JsonNode node, boolean withParameters) {
        Template parameters = withParameters ? Fields.template(name, "Parameters", node.get("Parameters")) : null;
        Template resultSelector = Fields.template(name, "ResultSelector", node.get("ResultSelector"));
        ResultPath resultPath = Fields.resultPath(name, "ResultPath", node.get("ResultPath"));
        List<Model.Retrier> retriers = node.has("Retry") ? retriers(name, node.get("Retry")) : List.of();
        List<Model.Catcher> catchers = node.has("Catch") ? catchers(name, node.get("Catch")) : List.of();
        return new Model.Action(parameters, resultSelector, resultPath, retriers, catchers);
    }

    private static List<String> errorEquals(String state, String field, JsonNode v) {
        if (v == null || !v.isArray() || v.size() == 0) {
            throw err(state, field, "ErrorEquals is required and must be a non-empty array of error names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isTextual() || n.textValue().isEmpty()) {
                throw err(state, field, "ErrorEquals must contain only non-empty strings");
            }
            String e = n.textValue();
            if (e.startsWith("States.") && !KNOWN_ERRORS.contains(e)) {
                throw err(state, field, "ErrorEquals names an unknown predefined error \"" + e + "\"");
            }
            names.add(e);
        }
        if (names.contains(StatesError.ALL) && names.size() > 1) {
            throw err(state, field, "ErrorEquals: States.ALL must appear alone");
        }
        return List.copyOf(names);
    }

    private static List<Model.Retrier> retriers(String name, JsonNode v) {
        if (!v.isArray()) {
            throw err(name, "Retry", "must be an array");
        }
        List<Model.Retrier> list = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode r = v.get(i);
            String f = "Retry[" + i + "]";
            if (!r.isObject()) {
                throw err(name, f, "must be an object");
            }
            Model.Retrier rt = retrier(name, f, r);
            if (rt.errorEquals().contains(StatesError.ALL) && i != v.size() - 1) {
                throw err(name, f, "a Retrier with States.ALL must be the last one");
            }
            list.add(rt);
        }
        return List.copyOf(list);
    }

    /** One Retrier, with the defaults of the language for the fields it leaves out. */
    private static Model.Retrier retrier(String name, String f, JsonNode r) {
        List<String> errorEquals = null;
        int intervalSeconds = 1;
        int maxAttempts = 3;
        double backoffRate = 2.0;
        Integer maxDelaySeconds = null;
        boolean fullJitter = false;
        Iterator<Map.Entry<String, JsonNode>> it = r.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode x = e.getValue();
            switch (e.getKey()) {
                case "ErrorEquals":
                    errorEquals = errorEquals(name, f, x);
                    break;
                case "IntervalSeconds":
                    intervalSeconds = Fields.intField(name, f + ".IntervalSeconds", x, 1, 99_999_999);
                    break;
                case "MaxAttempts":
                    maxAttempts = Fields.intField(name, f + ".MaxAttempts", x, 0, 99_999_999);
                    break;
                case "BackoffRate":
                    if (!x.isNumber() || x.doubleValue() < 1.0) {
                        throw err(name, f + ".BackoffRate", "must be a number >= 1.0");
                    }
                    backoffRate = x.doubleValue();
                    break;
                case "MaxDelaySeconds":
                    maxDelaySeconds = Fields.intField(name, f + ".MaxDelaySeconds", x, 1, 31_622_400);
                    break;
                case "JitterStrategy":
                    if (!x.isTextual()
                            || !(x.textValue().equals("FULL") || x.textValue().equals("NONE"))) {
                        throw err(name, f + ".JitterStrategy", "must be FULL or NONE");
                    }
                    fullJitter = x.textValue().equals("FULL");
                    break;
                case "Comment":
                    break;
                default:
                    throw err(name, f + "." + e.getKey(), "is not a valid Retrier field");
            }
        }
        if (errorEquals == null) {
            throw err(name, f, "ErrorEquals is required");
        }
        return new Model.Retrier(errorEquals, intervalSeconds, maxAttempts, backoffRate, maxDelaySeconds, fullJitter);
    }

    private static List<Model.Catcher> catchers(String name, JsonNode v) {
        if (!v.isArray()) {
            throw err(name, "Catch", "must be an array");
        }
        List<Model.Catcher> list = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode c = v.get(i);
            String f = "Catch[" + i + "]";
            if (!c.isObject()) {
                throw err(name, f, "must be an object");
            }
            Model.Catcher ct = catcher(name, f, c);
            if (ct.errorEquals().contains(StatesError.ALL) && i != v.size() - 1) {
                throw err(name, f, "a Catcher with States.ALL must be the last one");
            }
            list.add(ct);
        }
        return List.copyOf(list);
    }

    private static Model.Catcher catcher(String name, String f, JsonNode c) {
        List<String> errorEquals = null;
        String next = null;
        ResultPath resultPath = ResultPath.ROOT;
        Iterator<Map.Entry<String, JsonNode>> it = c.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode x = e.getValue();
            switch (e.getKey()) {
                case "ErrorEquals":
                    errorEquals = errorEquals(name, f, x);
                    break;
                case "Next":
                    if (!x.isTextual()) {
                        throw err(name, f + ".Next", "must be a string");
                    }
                    next = x.textValue();
                    break;
                case "ResultPath":
                    resultPath = Fields.resultPath(name, f + ".ResultPath", x);
                    break;
                case "Comment":
                    break;
                default:
                    if (Fields.UNSUPPORTED.contains(e.getKey())) {
                        throw new AslException("state \"" + name + "\": field " + f + "." + e.getKey()
                                + " is not supported by the local runner");
                    }
                    throw err(name, f + "." + e.getKey(), "is not a valid Catcher field");
            }
        }
        if (errorEquals == null) {
            throw err(name, f, "ErrorEquals is required");
        }
        if (next == null) {
            throw err(name, f, "Next is required");
        }
        return new Model.Catcher(errorEquals, next, resultPath);
    }
}
