package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.AslException;
import java.util.Set;

/** Readers for single fields of a definition, shared by the parsers; each failure names the state and the field. */
final class Fields {

    /** Fields of the language the local runner knowingly does not implement. */
    static final Set<String> UNSUPPORTED = Set.of(
            "Assign",
            "Arguments",
            "Output",
            "Credentials",
            "HeartbeatSeconds",
            "HeartbeatSecondsPath",
            "Items",
            "Condition");

    private Fields() {}

    static AslException err(String state, String field, String message) {
        return new AslException("state \"" + state + "\": field " + field + " " + message);
    }

    static void checkQueryLanguage(JsonNode v, String where) {
        if (!v.isTextual() || !v.textValue().equals("JSONPath")) {
            throw new AslException(
                    where + ": field QueryLanguage " + v + " is not supported by the local runner (only JSONPath)");
        }
    }

    /** InputPath or OutputPath: a reference path, or null (read as JSON null). */
    static PathExpr ioPath(String state, String field, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw err(state, field, "must be a path string or null");
        }
        try {
            return PathExpr.compile(v.textValue(), true, true);
        } catch (IllegalArgumentException e) {
            throw err(state, field, e.getMessage());
        }
    }

    static PathExpr refPath(String state, String field, JsonNode v) {
        if (!v.isTextual()) {
            throw err(state, field, "must be a reference path string");
        }
        try {
            return PathExpr.compile(v.textValue(), true, true);
        } catch (IllegalArgumentException e) {
            throw err(state, field, e.getMessage());
        }
    }

    /** A ResultPath; absent is {@link ResultPath#ROOT}, JSON null is {@link ResultPath#DISCARD}. */
    static ResultPath resultPath(String state, String field, JsonNode v) {
        if (v == null) {
            return ResultPath.ROOT;
        }
        if (v.isNull()) {
            return ResultPath.DISCARD;
        }
        if (!v.isTextual()) {
            throw err(state, field, "must be a reference path string or null");
        }
        try {
            return ResultPath.parse(v.textValue());
        } catch (IllegalArgumentException e) {
            throw err(state, field, e.getMessage());
        }
    }

    /** A payload template, or null when the field is absent. */
    static Template template(String state, String field, JsonNode v) {
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw err(state, field, "must be a JSON object (a payload template)");
        }
        return Template.compile(v, state, field);
    }

    static int intField(String state, String field, JsonNode v, int min, long max) {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw err(state, field, "must be an integer between " + min + " and " + max + " but is " + v);
        }
        return (int) v.longValue();
    }

    static void exclusive(String state, JsonNode node, String a, String b) {
        if (node.has(a) && node.has(b)) {
            throw err(state, a, "and " + b + " must not both be present");
        }
    }
}
