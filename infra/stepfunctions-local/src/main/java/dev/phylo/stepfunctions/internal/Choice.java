package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.AslException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Choice rules: Boolean expressions (And/Or/Not) over data-test expressions. */
public final class Choice {
    private Choice() {}

    /** A compiled condition. */
    public abstract static class Cond {
        public abstract boolean test(JsonNode input, JsonNode context);
    }

    /** A top-level rule: condition and Next. */
    public static final class Rule {
        public final Cond cond;
        public final String next;

        Rule(Cond cond, String next) {
            this.cond = cond;
            this.next = next;
        }
    }

    private static final Set<String> TYPE_TESTS =
            Set.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");
    private static final Set<String> COMPARISONS = Set.of(
            "StringEquals",
            "StringLessThan",
            "StringGreaterThan",
            "StringLessThanEquals",
            "StringGreaterThanEquals",
            "NumericEquals",
            "NumericLessThan",
            "NumericGreaterThan",
            "NumericLessThanEquals",
            "NumericGreaterThanEquals",
            "BooleanEquals",
            "TimestampEquals",
            "TimestampLessThan",
            "TimestampGreaterThan",
            "TimestampLessThanEquals",
            "TimestampGreaterThanEquals");

    static AslException error(String stateName, String message) {
        return new AslException("state \"" + stateName + "\": field Choices: " + message);
    }

    /** Parses a rule; top-level rules carry Next, nested ones must not. */
    public static Rule parseRule(JsonNode spec, String stateName, boolean topLevel, String where) {
        if (!spec.isObject()) {
            throw error(stateName, where + " must be an object");
        }
        String next = null;
        if (spec.has("Next")) {
            if (!topLevel) {
                throw error(stateName, where + ": a nested rule must not have Next");
            }
            if (!spec.get("Next").isTextual()) {
                throw error(stateName, where + ": Next must be a string");
            }
            next = spec.get("Next").textValue();
        } else if (topLevel) {
            throw error(stateName, where + ": a top-level rule needs Next");
        }
        return new Rule(parseCond(spec, stateName, where), next);
    }

    private static Cond parseCond(JsonNode spec, String stateName, String where) {
        String op = null;
        JsonNode operand = null;
        PathExpr variable = null;
        Iterator<Map.Entry<String, JsonNode>> it = spec.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.equals("Next") || k.equals("Comment")) {
                continue;
            }
            if (k.equals("Variable")) {
                if (!e.getValue().isTextual()) {
                    throw error(stateName, where + ": Variable must be a string");
                }
                try {
                    variable = PathExpr.compile(e.getValue().textValue(), true, false);
                } catch (IllegalArgumentException ex) {
                    throw error(stateName, where + ": Variable " + ex.getMessage());
                }
                continue;
            }
            if (k.equals("And")
                    || k.equals("Or")
                    || k.equals("Not")
                    || TYPE_TESTS.contains(k)
                    || COMPARISONS.contains(k)
                    || k.equals("StringMatches")
                    || (k.endsWith("Path") && COMPARISONS.contains(k.substring(0, k.length() - 4)))) {
                if (op != null) {
                    throw error(stateName, where + ": has two operators, " + op + " and " + k);
                }
                op = k;
                operand = e.getValue();
                continue;
            }
            if (k.equals("Condition") || k.equals("Assign") || k.equals("Output")) {
                throw error(
                        stateName,
                        where + ": field " + k + " is not supported by the local runner (JSONata/variables)");
            }
            throw error(stateName, where + ": unknown field " + k);
        }
        if (op == null) {
            throw error(stateName, where + ": has no comparison operator (or And/Or/Not)");
        }
        if (op.equals("And") || op.equals("Or")) {
            if (variable != null) {
                throw error(stateName, where + ": " + op + " must not have a Variable");
            }
            if (!operand.isArray() || operand.size() == 0) {
                throw error(stateName, where + ": " + op + " must be a non-empty array of rules");
            }
            List<Cond> parts = new ArrayList<>();
            for (int i = 0; i < operand.size(); i++) {
                parts.add(parseRule(operand.get(i), stateName, false, where + "." + op + "[" + i + "]").cond);
            }
            boolean and = op.equals("And");
            return new Cond() {
                @Override
                public boolean test(JsonNode input, JsonNode context) {
                    for (Cond c : parts) {
                        if (c.test(input, context) != and) {
                            return !and;
                        }
                    }
                    return and;
                }
            };
        }
        if (op.equals("Not")) {
            if (variable != null) {
                throw error(stateName, where + ": Not must not have a Variable");
            }
            Cond inner = parseRule(operand, stateName, false, where + ".Not").cond;
            return new Cond() {
                @Override
                public boolean test(JsonNode input, JsonNode context) {
                    return !inner.test(input, context);
                }
            };
        }
        if (variable == null) {
            throw error(stateName, where + ": " + op + " needs a Variable");
        }
        final PathExpr var = variable;
        final String operator = op;
        if (TYPE_TESTS.contains(op)) {
            if (!operand.isBoolean()) {
                throw error(stateName, where + ": " + op + " must be true or false");
            }
            boolean expected = operand.booleanValue();
            return new Cond() {
                @Override
                public boolean test(JsonNode input, JsonNode context) {
                    JsonNode v = var.read(input, context);
                    if (operator.equals("IsPresent")) {
                        return (v != null) == expected;
                    }
                    if (v == null) {
                        throw missing(stateName, var, input);
                    }
                    boolean actual;
                    switch (operator) {
                        case "IsNull":
                            actual = v.isNull();
                            break;
                        case "IsNumeric":
                            actual = v.isNumber();
                            break;
                        case "IsString":
                            actual = v.isTextual();
                            break;
                        case "IsBoolean":
                            actual = v.isBoolean();
                            break;
                        default:
                            actual = v.isTextual() && timestamp(v.textValue()) != null;
                    }
                    return actual == expected;
                }
            };
        }
        if (op.equals("StringMatches")) {
            if (!operand.isTextual()) {
                throw error(stateName, where + ": StringMatches must be a string pattern");
            }
            Pattern p = wildcard(operand.textValue());
            return new Cond() {
                @Override
                public boolean test(JsonNode input, JsonNode context) {
                    JsonNode v = value(var, input, context, stateName);
                    return v.isTextual() && p.matcher(v.textValue()).matches();
                }
            };
        }
        boolean viaPath = op.endsWith("Path");
        String base = viaPath ? op.substring(0, op.length() - 4) : op;
        PathExpr otherPath = null;
        if (viaPath) {
            if (!operand.isTextual()) {
                throw error(stateName, where + ": " + op + " must be a path string");
            }
            try {
                otherPath = PathExpr.compile(operand.textValue(), true, false);
            } catch (IllegalArgumentException ex) {
                throw error(stateName, where + ": " + op + " " + ex.getMessage());
            }
        } else {
            checkLiteral(base, operand, stateName, where);
        }
        final PathExpr other = otherPath;
        final JsonNode literal = operand;
        return new Cond() {
            @Override
            public boolean test(JsonNode input, JsonNode context) {
                JsonNode v = value(var, input, context, stateName);
                JsonNode expected = other == null ? literal : value(other, input, context, stateName);
                return compare(base, v, expected);
            }
        };
    }

    private static void checkLiteral(String base, JsonNode operand, String stateName, String where) {
        boolean ok;
        if (base.startsWith("String")) {
            ok = operand.isTextual();
        } else if (base.startsWith("Numeric")) {
            ok = operand.isNumber();
        } else if (base.startsWith("Boolean")) {
            ok = operand.isBoolean();
        } else {
            ok = operand.isTextual() && timestamp(operand.textValue()) != null;
        }
        if (!ok) {
            throw error(stateName, where + ": " + base + " has a value of the wrong type: " + operand);
        }
    }

    private static JsonNode value(PathExpr p, JsonNode input, JsonNode context, String stateName) {
        JsonNode v = p.read(input, context);
        if (v == null) {
            throw missing(stateName, p, input);
        }
        return v;
    }

    private static StatesError missing(String stateName, PathExpr p, JsonNode input) {
        return StatesError.runtime("state \"" + stateName + "\": field Choices: invalid path '" + p.text()
                + "': the choice state's condition path references an invalid value in the input "
                + Json.abbreviate(input, 1024));
    }

    /** Values of the wrong type make the comparison false. */
    private static boolean compare(String base, JsonNode v, JsonNode e) {
        int c;
        if (base.startsWith("String")) {
            if (!v.isTextual() || !e.isTextual()) {
                return false;
            }
            c = v.textValue().compareTo(e.textValue());
        } else if (base.startsWith("Numeric")) {
            if (!v.isNumber() || !e.isNumber()) {
                return false;
            }
            c = Json.compareNumbers(v, e);
        } else if (base.startsWith("Boolean")) {
            return v.isBoolean() && e.isBoolean() && v.booleanValue() == e.booleanValue();
        } else {
            Instant a = v.isTextual() ? timestamp(v.textValue()) : null;
            Instant b = e.isTextual() ? timestamp(e.textValue()) : null;
            if (a == null || b == null) {
                return false;
            }
            c = a.compareTo(b);
        }
        if (base.endsWith("LessThanEquals")) {
            return c <= 0;
        }
        if (base.endsWith("GreaterThanEquals")) {
            return c >= 0;
        }
        if (base.endsWith("LessThan")) {
            return c < 0;
        }
        if (base.endsWith("GreaterThan")) {
            return c > 0;
        }
        return c == 0;
    }

    /** RFC 3339 timestamp (uppercase T, Z or offset), or null. */
    public static Instant timestamp(String s) {
        if (s.indexOf('T') < 0) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** StringMatches: '*' matches any run of characters, '\*' a literal star, '\\' a backslash. */
    static Pattern wildcard(String pattern) {
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\'
                    && i + 1 < pattern.length()
                    && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
                lit.append(pattern.charAt(++i));
            } else if (c == '*') {
                if (lit.length() > 0) {
                    re.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                re.append(".*");
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) {
            re.append(Pattern.quote(lit.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
