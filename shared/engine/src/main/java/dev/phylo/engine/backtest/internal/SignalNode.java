package dev.phylo.engine.backtest.internal;

/**
 * A compiled rule, evaluated for a whole block at once: tight loops over byte arrays instead of a per-bar interpreter.
 * Leaves read the batch-wide result of their condition from the {@link IndicatorBank}.
 */
abstract class SignalNode {

    /** An array whose {@code [0, len)} holds 1 where the rule holds at bar {@code blockFrom + i}, else 0. */
    abstract byte[] eval(IndicatorBank bank, int len);

    /** A condition shared by the batch. */
    static final class Leaf extends SignalNode {
        private final int condition;

        Leaf(int condition) {
            this.condition = condition;
        }

        @Override
        byte[] eval(IndicatorBank bank, int len) {
            return bank.conditionBuffer(condition);
        }
    }

    /** All ({@code and = true}) or any of several children. */
    static final class Group extends SignalNode {
        private final SignalNode[] children;
        private final boolean and;
        private final byte[] out;

        Group(SignalNode[] children, boolean and, int blockSize) {
            this.children = children;
            this.and = and;
            this.out = new byte[blockSize];
        }

        @Override
        byte[] eval(IndicatorBank bank, int len) {
            System.arraycopy(children[0].eval(bank, len), 0, out, 0, len);
            for (int c = 1; c < children.length; c++) {
                byte[] x = children[c].eval(bank, len);
                if (and) {
                    for (int i = 0; i < len; i++) {
                        out[i] &= x[i];
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        out[i] |= x[i];
                    }
                }
            }
            return out;
        }
    }
}
