package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.internal.Intrinsics.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Parses one intrinsic function call ({@code States.Name(arg, ...)}) into an {@link Intrinsics.Expr}. */
final class IntrinsicParser {
    final String s;
    int pos;

    IntrinsicParser(String s) {
        this.s = s;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    void skipWs() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at position " + pos + " in '" + s + "'");
    }

    Expr call(int depth) {
        if (depth >= Intrinsics.MAX_NESTING) {
            throw error("intrinsic functions nest more than " + Intrinsics.MAX_NESTING + " deep");
        }
        if (!s.startsWith("States.", pos)) {
            throw error("expected an intrinsic function (States.Name(...))");
        }
        int start = pos + "States.".length();
        int i = start;
        while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        String name = s.substring(start, i);
        pos = i;
        int[] arity = Intrinsics.ARITY.get(name);
        if (arity == null) {
            throw error("unknown intrinsic function States." + name);
        }
        skipWs();
        if (atEnd() || s.charAt(pos) != '(') {
            throw error("expected '(' after States." + name);
        }
        pos++;
        List<Expr> args = new ArrayList<>();
        skipWs();
        if (!atEnd() && s.charAt(pos) == ')') {
            pos++;
        } else {
            while (true) {
                skipWs();
                args.add(arg(depth));
                skipWs();
                if (atEnd()) {
                    throw error("missing ')' of States." + name);
                }
                char c = s.charAt(pos);
                if (c == ',') {
                    pos++;
                } else if (c == ')') {
                    pos++;
                    break;
                } else {
                    throw error("expected ',' or ')'");
                }
            }
        }
        if (args.size() < arity[0] || args.size() > arity[1]) {
            String expected = arity[0] == arity[1]
                    ? String.valueOf(arity[0])
                    : arity[1] == Integer.MAX_VALUE ? "at least " + arity[0] : arity[0] + " to " + arity[1];
            throw new IllegalArgumentException("States." + name + " takes " + expected + " argument(s) but was given "
                    + args.size() + " in '" + s + "'");
        }
        return Intrinsics.Call.create(name, args);
    }

    Expr arg(int depth) {
        if (atEnd()) {
            throw error("missing argument");
        }
        char c = s.charAt(pos);
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (s.startsWith("States.", pos)) {
            return call(depth + 1);
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, pos)) {
                int end = pos + word.length();
                if (end == s.length() || !Character.isLetterOrDigit(s.charAt(end))) {
                    pos = end;
                    JsonNode v =
                            word.equals("null") ? Json.NODES.nullNode() : Json.NODES.booleanNode(word.equals("true"));
                    return new Intrinsics.Literal(v, null);
                }
            }
        }
        throw error("unexpected character '" + c + "'");
    }

    Expr string() {
        pos++; // opening quote
        StringBuilder raw = new StringBuilder();
        StringBuilder decoded = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("unterminated string literal");
            }
            char c = s.charAt(pos);
            if (c == '\\') {
                if (pos + 1 >= s.length()) {
                    throw error("open escape '\\' at the end of the text");
                }
                char n = s.charAt(pos + 1);
                if (n != '\'' && n != '{' && n != '}' && n != '\\') {
                    throw error("invalid escape '\\" + n + "' (only \\' \\{ \\} and \\\\ are allowed)");
                }
                raw.append(c).append(n);
                decoded.append(n);
                pos += 2;
            } else if (c == '\'') {
                pos++;
                return new Intrinsics.Literal(Json.NODES.textNode(decoded.toString()), raw.toString());
            } else {
                raw.append(c);
                decoded.append(c);
                pos++;
            }
        }
    }

    Expr number() {
        int start = pos;
        if (s.charAt(pos) == '-') {
            pos++;
        }
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || ".eE+-".indexOf(s.charAt(pos)) >= 0)) {
            pos++;
        }
        String t = s.substring(start, pos);
        if (!t.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
            pos = start;
            throw error("invalid number '" + t + "'");
        }
        return new Intrinsics.Literal(Json.number(new BigDecimal(t)), null);
    }

    Expr path() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (depth > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
            pos++;
        }
        String text = s.substring(start, pos).trim();
        try {
            return new Intrinsics.PathArg(PathExpr.compile(text, true, false));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in '" + s + "'");
        }
    }
}
