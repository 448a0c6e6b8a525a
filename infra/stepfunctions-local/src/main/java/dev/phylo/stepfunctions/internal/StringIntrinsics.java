package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.IntrinsicArgs.fail;
import static dev.phylo.stepfunctions.internal.IntrinsicArgs.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/** The string intrinsic functions: {@code States.Format} with its templates, and {@code States.StringSplit}. */
final class StringIntrinsics {

    private StringIntrinsics() {}

    /**
     * Splits a States.Format template into literal text and {} placeholders (null entries). With {@code escapes}
     * (a literal template) a backslash escapes the next character and a lone brace is an error.
     */
    static List<String> splitTemplate(String text, boolean escapes) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escapes && c == '\\' && i + 1 < text.length()) {
                cur.append(text.charAt(++i));
            } else if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                parts.add(cur.toString());
                parts.add(null);
                cur.setLength(0);
                i++;
            } else if (escapes && (c == '{' || c == '}')) {
                throw new IllegalArgumentException(
                        "States.Format: unescaped '" + c + "' in the template '" + text + "' (write \\" + c + ")");
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    static int placeholders(List<String> parts) {
        int n = 0;
        for (String p : parts) {
            if (p == null) {
                n++;
            }
        }
        return n;
    }

    /** {@code literalTemplate} is the split first argument when it was a literal, else null. */
    static JsonNode format(List<String> literalTemplate, List<JsonNode> a) {
        List<String> parts;
        if (literalTemplate != null) {
            parts = literalTemplate;
        } else {
            parts = splitTemplate(string("Format", a.get(0), 1), false);
            if (placeholders(parts) != a.size() - 1) {
                throw fail(
                        "Format",
                        "the template has " + placeholders(parts) + " {} placeholder(s) but " + (a.size() - 1)
                                + " value(s) were given");
            }
        }
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (String p : parts) {
            if (p != null) {
                out.append(p);
            } else {
                JsonNode v = a.get(next++);
                out.append(v.isTextual() ? v.textValue() : Json.write(v));
            }
        }
        return Json.NODES.textNode(out.toString());
    }

    /** Each character of the second argument is a delimiter; empty pieces are dropped. */
    static JsonNode stringSplit(List<JsonNode> a) {
        String text = string("StringSplit", a.get(0), 1);
        String delimiters = string("StringSplit", a.get(1), 2);
        ArrayNode out = Json.NODES.arrayNode();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (delimiters.indexOf(c) >= 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
