package dev.phylo.engine.strategy;

import java.util.List;

/**
 * An entry or exit rule: a condition, or all/any of nested rules. In JSON a condition is a string such as
 * {@code "rsi(14) < 30"}, and a group is {@code {"all": [...]}} or {@code {"any": [...]}}.
 */
public sealed interface Rule {

    /** Deepest nesting accepted. */
    int MAX_DEPTH = 8;

    /** Every condition in this rule, depth first, in order. */
    default List<Condition> conditions() {
        List<Condition> out = new java.util.ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Rule rule, List<Condition> out) {
        if (rule instanceof All all) {
            all.rules().forEach(r -> collect(r, out));
        } else if (rule instanceof Any any) {
            any.rules().forEach(r -> collect(r, out));
        } else {
            out.add((Condition) rule);
        }
    }

    /** {@code left op right}, evaluated at each bar's close. */
    record Condition(Operand left, Comparison op, Operand right) implements Rule {
        public Condition {
            if (left instanceof Operand.Constant && right instanceof Operand.Constant) {
                throw new IllegalArgumentException(
                        "condition compares two constants: %s %s %s".formatted(left.text(), op.symbol(), right.text()));
            }
        }

        @Override
        public String toString() {
            return left.text() + " " + op.symbol() + " " + right.text();
        }
    }

    /** True when every rule is true. */
    record All(List<Rule> rules) implements Rule {
        public All {
            rules = List.copyOf(rules);
            if (rules.isEmpty()) {
                throw new IllegalArgumentException("\"all\" needs at least one rule");
            }
        }
    }

    /** True when at least one rule is true. */
    record Any(List<Rule> rules) implements Rule {
        public Any {
            rules = List.copyOf(rules);
            if (rules.isEmpty()) {
                throw new IllegalArgumentException("\"any\" needs at least one rule");
            }
        }
    }
}
