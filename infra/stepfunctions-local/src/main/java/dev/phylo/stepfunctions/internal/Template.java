package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.AslException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payload template (Parameters, ResultSelector, ItemSelector, BatchInput): JSON in which every
 * field whose name ends in {@code .$} is replaced, under the name without the suffix, by the
 * value of its path ({@code $...}, {@code $$...}) or intrinsic function call. Also used for the
 * single dynamic values of Fail's ErrorPath/CausePath.
 */
public final class Template {
    private final Node root;
    private final String stateName;
    private final String field;

    private Template(Node root, String stateName, String field) {
        this.root = root;
        this.stateName = stateName;
        this.field = field;
    }

    /** Compiles a payload template; {@code field} is e.g. "Parameters". */
    public static Template compile(JsonNode spec, String stateName, String field) {
        return new Template(node(spec, stateName, field), stateName, field);
    }

    /** A single path or intrinsic call, e.g. Fail's CausePath. */
    public static Template dynamic(String expr, String stateName, String field, boolean allowIntrinsic) {
        return new Template(dynamicNode(expr, field, stateName, field, allowIntrinsic), stateName, field);
    }

    public JsonNode evaluate(JsonNode input, JsonNode context, Intrinsics.Env env) {
        return root.eval(input, context, env);
    }

    private abstract static class Node {
        abstract JsonNode eval(JsonNode input, JsonNode context, Intrinsics.Env env);
    }

    private static AslException error(String stateName, String field, String message) {
        return new AslException("state \"" + stateName + "\": field " + field + ": " + message);
    }

    private static Node node(JsonNode spec, String stateName, String field) {
        if (spec.isObject()) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = spec.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                String outKey;
                Node value;
                if (key.endsWith(".$")) {
                    outKey = key.substring(0, key.length() - 2);
                    if (!e.getValue().isTextual()) {
                        throw error(
                                stateName,
                                field,
                                "the value of '" + key + "' must be a string (a path or an intrinsic function)");
                    }
                    value = dynamicNode(e.getValue().textValue(), key, stateName, field, true);
                } else {
                    outKey = key;
                    value = node(e.getValue(), stateName, field);
                }
                if (entries.put(outKey, value) != null) {
                    throw error(stateName, field, "the field '" + outKey + "' is given twice (with and without .$)");
                }
            }
            return new ObjectT(entries);
        }
        if (spec.isArray()) {
            List<Node> items = new ArrayList<>();
            for (JsonNode item : spec) {
                items.add(node(item, stateName, field));
            }
            return new ArrayT(items);
        }
        return new Literal(spec);
    }

    private static Node dynamicNode(String expr, String key, String stateName, String field, boolean allowIntrinsic) {
        String trimmed = expr.trim();
        if (allowIntrinsic && Intrinsics.looksLikeCall(trimmed)) {
            try {
                return new Call(Intrinsics.parse(trimmed), key, stateName, field);
            } catch (IllegalArgumentException e) {
                throw error(stateName, field, "'" + key + "': " + e.getMessage());
            }
        }
        try {
            return new PathRef(PathExpr.compile(trimmed, true, false), key, stateName, field);
        } catch (IllegalArgumentException e) {
            throw error(
                    stateName,
                    field,
                    "'" + key + "': " + e.getMessage()
                            + (allowIntrinsic ? " (expected a path or an intrinsic function)" : ""));
        }
    }

    /** Reads a path or fails with States.Runtime naming state, field, key and path. */
    static JsonNode resolve(
            PathExpr path, JsonNode input, JsonNode context, String stateName, String field, String key) {
        JsonNode v = path.read(input, context);
        if (v == null) {
            throw StatesError.runtime("state \"" + stateName + "\": field " + field + ": the JSONPath '" + path.text()
                    + "' specified for '"
                    + key + "' could not be found in the " + (path.isContext() ? "context object " : "input ")
                    + Json.abbreviate(path.isContext() ? context : input, 1024));
        }
        return v;
    }

    private static final class ObjectT extends Node {
        final Map<String, Node> entries;

        ObjectT(Map<String, Node> entries) {
            this.entries = entries;
        }

        @Override
        JsonNode eval(JsonNode input, JsonNode context, Intrinsics.Env env) {
            ObjectNode out = Json.NODES.objectNode();
            for (Map.Entry<String, Node> e : entries.entrySet()) {
                out.set(e.getKey(), e.getValue().eval(input, context, env));
            }
            return out;
        }
    }

    private static final class ArrayT extends Node {
        final List<Node> items;

        ArrayT(List<Node> items) {
            this.items = items;
        }

        @Override
        JsonNode eval(JsonNode input, JsonNode context, Intrinsics.Env env) {
            ArrayNode out = Json.NODES.arrayNode();
            for (Node n : items) {
                out.add(n.eval(input, context, env));
            }
            return out;
        }
    }

    private static final class Literal extends Node {
        final JsonNode value;

        Literal(JsonNode value) {
            this.value = value;
        }

        @Override
        JsonNode eval(JsonNode input, JsonNode context, Intrinsics.Env env) {
            return value;
        }
    }

    private static final class PathRef extends Node {
        final PathExpr path;
        final String key;
        final String stateName;
        final String field;

        PathRef(PathExpr path, String key, String stateName, String field) {
            this.path = path;
            this.key = key;
            this.stateName = stateName;
            this.field = field;
        }

        @Override
        JsonNode eval(JsonNode input, JsonNode context, Intrinsics.Env env) {
            return resolve(path, input, context, stateName, field, key);
        }
    }

    private static final class Call extends Node {
        final Intrinsics.Expr expr;
        final String key;
        final String stateName;
        final String field;

        Call(Intrinsics.Expr expr, String key, String stateName, String field) {
            this.expr = expr;
            this.key = key;
            this.stateName = stateName;
            this.field = field;
        }

        @Override
        JsonNode eval(JsonNode input, JsonNode context, Intrinsics.Env env) {
            try {
                return expr.eval(input, context, env, (p, in, ctx) -> resolve(p, in, ctx, stateName, field, key));
            } catch (StatesError e) {
                if (StatesError.INTRINSIC_FAILURE.equals(e.error())) {
                    throw new StatesError(
                            e.error(), "state \"" + stateName + "\": field " + field + ": '" + key + "': " + e.cause());
                }
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return "Template(" + stateName + "." + field + ")";
    }
}
