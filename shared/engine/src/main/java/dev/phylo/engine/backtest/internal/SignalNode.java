package dev.phylo.engine.backtest.internal;

/**
 * A compiled rule, evaluated for a whole block at once: tight loops over primitive arrays instead of a per-bar
 * interpreter. Nodes hold per-strategy state (cross history), so every strategy compiles its own.
 */
abstract class SignalNode {

    /** Writes 1 to {@code out[t - from]} where the rule holds at bar t, else 0, for t in {@code [from, to)}. */
    abstract void eval(IndicatorBank bank, int from, int to, byte[] out);

    /** Bars of look-back its operands read. */
    abstract int lookback();

    /** All ({@code and = true}) or any of several children. */
    static final class Group extends SignalNode {
        private final SignalNode[] children;
        private final boolean and;
        private final byte[] scratch;

        Group(SignalNode[] children, boolean and, int blockSize) {
            this.children = children;
            this.and = and;
            this.scratch = new byte[blockSize];
        }

        @Override
        void eval(IndicatorBank bank, int from, int to, byte[] out) {
            children[0].eval(bank, from, to, out);
            int len = to - from;
            for (int c = 1; c < children.length; c++) {
                children[c].eval(bank, from, to, scratch);
                if (and) {
                    for (int i = 0; i < len; i++) {
                        out[i] &= scratch[i];
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        out[i] |= scratch[i];
                    }
                }
            }
        }

        @Override
        int lookback() {
            int m = 0;
            for (SignalNode c : children) {
                m = Math.max(m, c.lookback());
            }
            return m;
        }
    }
}
