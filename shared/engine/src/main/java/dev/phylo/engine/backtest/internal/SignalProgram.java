package dev.phylo.engine.backtest.internal;

import dev.phylo.engine.indicator.IndicatorSpec;
import dev.phylo.engine.strategy.Operand;
import dev.phylo.engine.strategy.Rule;
import dev.phylo.engine.strategy.SideRules;
import dev.phylo.engine.strategy.Stop;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A strategy's four rules (long entry/exit, short entry/exit) compiled against an {@link IndicatorBank}, producing
 * one byte of signal bits per bar.
 */
final class SignalProgram {
    static final int ENTRY_LONG = 1;
    static final int EXIT_LONG = 2;
    static final int ENTRY_SHORT = 4;
    static final int EXIT_SHORT = 8;

    private final SignalNode[] nodes = new SignalNode[4];

    SignalProgram(StrategySpec spec, IndicatorBank bank, int blockSize) {
        SideRules l = spec.longRules();
        SideRules s = spec.shortRules();
        nodes[0] = l == null ? null : compile(l.entry(), bank, blockSize);
        nodes[1] = l == null || l.exit() == null ? null : compile(l.exit(), bank, blockSize);
        nodes[2] = s == null ? null : compile(s.entry(), bank, blockSize);
        nodes[3] = s == null || s.exit() == null ? null : compile(s.exit(), bank, blockSize);
    }

    /** Fills {@code sig[t - from]} with the OR of the bits whose rules hold at bar t. */
    void eval(IndicatorBank bank, int from, int to, byte[] sig) {
        int len = to - from;
        byte[] zero = bank.zeros();
        byte[] el = nodes[0] == null ? zero : nodes[0].eval(bank, len);
        byte[] xl = nodes[1] == null ? zero : nodes[1].eval(bank, len);
        byte[] es = nodes[2] == null ? zero : nodes[2].eval(bank, len);
        byte[] xs = nodes[3] == null ? zero : nodes[3].eval(bank, len);
        if (es == zero && xs == zero) {
            for (int i = 0; i < len; i++) {
                sig[i] = (byte) (el[i] | (xl[i] << 1));
            }
        } else if (el == zero && xl == zero) {
            for (int i = 0; i < len; i++) {
                sig[i] = (byte) ((es[i] << 2) | (xs[i] << 3));
            }
        } else {
            for (int i = 0; i < len; i++) {
                sig[i] = (byte) (el[i] | (xl[i] << 1) | (es[i] << 2) | (xs[i] << 3));
            }
        }
    }

    private static SignalNode compile(Rule rule, IndicatorBank bank, int blockSize) {
        if (rule instanceof Rule.All all) {
            return new SignalNode.Group(compileAll(all.rules(), bank, blockSize), true, blockSize);
        }
        if (rule instanceof Rule.Any any) {
            return new SignalNode.Group(compileAll(any.rules(), bank, blockSize), false, blockSize);
        }
        Rule.Condition c = (Rule.Condition) rule;
        return new SignalNode.Leaf(bank.condition(
                c,
                () -> new Compare(
                        c.op(),
                        slot(c.left(), bank),
                        c.left().shift(),
                        constant(c.left()),
                        slot(c.right(), bank),
                        c.right().shift(),
                        constant(c.right()))));
    }

    private static SignalNode[] compileAll(List<Rule> rules, IndicatorBank bank, int blockSize) {
        SignalNode[] out = new SignalNode[rules.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(rules.get(i), bank, blockSize);
        }
        return out;
    }

    private static int slot(Operand o, IndicatorBank bank) {
        if (o instanceof Operand.Price p) {
            return p.field().ordinal();
        }
        if (o instanceof Operand.Indicator ind) {
            return bank.slot(ind.spec(), ind.output());
        }
        return -1;
    }

    private static double constant(Operand o) {
        return o instanceof Operand.Constant c ? c.value() : Double.NaN;
    }

    /** Every indicator a spec reads, stops included. */
    static List<IndicatorSpec> indicators(StrategySpec spec) {
        List<IndicatorSpec> out = new ArrayList<>();
        for (Rule.Condition c : spec.conditions()) {
            for (Operand o : new Operand[] {c.left(), c.right()}) {
                if (o instanceof Operand.Indicator ind) {
                    out.add(ind.spec());
                }
            }
        }
        for (Stop stop : new Stop[] {spec.stopLoss(), spec.takeProfit(), spec.trailingStop()}) {
            if (stop != null && stop.atrSpec() != null) {
                out.add(stop.atrSpec());
            }
        }
        return out;
    }

    /** Longest shift a spec reads. */
    static int lookback(StrategySpec spec) {
        int max = 0;
        for (Rule.Condition c : spec.conditions()) {
            max = Math.max(max, Math.max(c.left().shift(), c.right().shift()));
        }
        return max;
    }
}
