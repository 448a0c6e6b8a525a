package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A ResultPath (or Catcher ResultPath): where the result goes in a copy of the raw state input.
 * Missing intermediate objects are created; {@code null} discards the result.
 */
public final class ResultPath {
    public static final ResultPath ROOT = new ResultPath("$", List.of());
    public static final ResultPath DISCARD = new ResultPath(null, List.of());

    private final String text;
    private final List<Object> segments; // String field names and Integer indexes

    private ResultPath(String text, List<Object> segments) {
        this.text = text;
        this.segments = segments;
    }

    public String text() {
        return text;
    }

    /** @throws IllegalArgumentException when the text is not a reference path */
    public static ResultPath parse(String text) {
        if (text == null) {
            return DISCARD;
        }
        if (!text.startsWith("$") || text.startsWith("$$")) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a reference path (it must start with $ and not $$)");
        }
        List<Object> segs = new ArrayList<>();
        int i = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '.' && text.charAt(j) != '[') {
                    j++;
                }
                String name = text.substring(i + 1, j);
                if (name.isEmpty()
                        || name.equals("*")
                        || name.contains("(")
                        || name.contains("?")
                        || name.contains("@")) {
                    throw bad(text);
                }
                segs.add(name);
                i = j;
            } else if (c == '[') {
                int close;
                if (i + 1 < n && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '"')) {
                    char q = text.charAt(i + 1);
                    int end = text.indexOf(q, i + 2);
                    if (end < 0 || end + 1 >= n || text.charAt(end + 1) != ']') {
                        throw bad(text);
                    }
                    segs.add(text.substring(i + 2, end));
                    close = end + 1;
                } else {
                    close = text.indexOf(']', i);
                    if (close < 0) {
                        throw bad(text);
                    }
                    String idx = text.substring(i + 1, close).trim();
                    if (!idx.matches("\\d+")) {
                        throw bad(text);
                    }
                    segs.add(Integer.valueOf(idx));
                }
                i = close + 1;
            } else {
                throw bad(text);
            }
        }
        return new ResultPath(text, List.copyOf(segs));
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException(
                "'" + text + "' is not a reference path (only .name, ['name'] and [index] steps are allowed)");
    }

    /** Combines raw state input and result as the spec describes. */
    public JsonNode apply(JsonNode rawInput, JsonNode result, String stateName, String field) {
        if (this == DISCARD) {
            return rawInput;
        }
        if (segments.isEmpty()) {
            return result;
        }
        if (!rawInput.isContainerNode()) {
            throw failure(rawInput, stateName, field);
        }
        JsonNode root = rawInput.deepCopy();
        JsonNode node = root;
        for (int k = 0; k < segments.size(); k++) {
            Object seg = segments.get(k);
            boolean last = k == segments.size() - 1;
            if (seg instanceof String) {
                if (!node.isObject()) {
                    throw failure(rawInput, stateName, field);
                }
                ObjectNode obj = (ObjectNode) node;
                String name = (String) seg;
                if (last) {
                    obj.set(name, result);
                } else {
                    JsonNode child = obj.get(name);
                    if (child == null) {
                        child = obj.putObject(name);
                    } else if (!child.isContainerNode()) {
                        throw failure(rawInput, stateName, field);
                    }
                    node = child;
                }
            } else {
                int idx = (Integer) seg;
                if (!node.isArray() || idx >= node.size()) {
                    throw failure(rawInput, stateName, field);
                }
                ArrayNode arr = (ArrayNode) node;
                if (last) {
                    arr.set(idx, result);
                } else {
                    JsonNode child = arr.get(idx);
                    if (!child.isContainerNode()) {
                        throw failure(rawInput, stateName, field);
                    }
                    node = child;
                }
            }
        }
        return root;
    }

    private StatesError failure(JsonNode input, String stateName, String field) {
        return new StatesError(
                StatesError.RESULT_PATH_MATCH_FAILURE,
                "state \"" + stateName + "\": unable to apply " + field + " '" + text + "' to input "
                        + Json.abbreviate(input, 1024));
    }

    @Override
    public String toString() {
        return String.valueOf(text);
    }
}
