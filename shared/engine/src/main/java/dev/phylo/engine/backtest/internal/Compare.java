package dev.phylo.engine.backtest.internal;

import dev.phylo.engine.strategy.Comparison;

/**
 * {@code left op right} over two slots (either may be a constant). Comparisons with an undefined (NaN) operand are
 * false, so warm-up never signals. Bars before the operands' shift are false too.
 */
final class Compare {
    private final Comparison op;
    private final int leftSlot;
    private final int leftShift;
    private final double leftConst;
    private final int rightSlot;
    private final int rightShift;
    private final double rightConst;
    /** Sign of the last non-zero difference left - right: -1, +1, or 0 when unknown. */
    private int lastSign;

    /** A slot of -1 means the constant is used instead. */
    Compare(Comparison op, int leftSlot, int leftShift, double leftConst, int rightSlot, int rightShift,
            double rightConst) {
        this.op = op;
        this.leftSlot = leftSlot;
        this.leftShift = leftShift;
        this.leftConst = leftConst;
        this.rightSlot = rightSlot;
        this.rightShift = rightShift;
        this.rightConst = rightConst;
    }

    int lookback() {
        return Math.max(leftShift, rightShift);
    }

    /** Writes 1 to {@code out[t - from]} where the condition holds at bar t, else 0, for t in {@code [from, to)}. */
    void eval(IndicatorBank bank, int from, int to, byte[] out) {
        int start = Math.max(from, lookback());
        for (int t = from; t < start; t++) {
            out[t - from] = 0;
        }
        if (start >= to) {
            return;
        }
        if (leftSlot >= 0 && rightSlot >= 0) {
            double[] a = bank.array(leftSlot);
            int ao = bank.base(leftSlot) + leftShift;
            double[] b = bank.array(rightSlot);
            int bo = bank.base(rightSlot) + rightShift;
            switch (op) {
                case GT -> { for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] > b[t - bo] ? 1 : 0); }
                case GE -> { for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] >= b[t - bo] ? 1 : 0); }
                case LT -> { for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] < b[t - bo] ? 1 : 0); }
                case LE -> { for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] <= b[t - bo] ? 1 : 0); }
                default -> crossSeries(a, ao, b, bo, from, start, to, out);
            }
        } else if (leftSlot >= 0) {
            double[] a = bank.array(leftSlot);
            int ao = bank.base(leftSlot) + leftShift;
            double c = rightConst;
            switch (op) {
                case GT -> { for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] > c ? 1 : 0); }
                case GE -> { for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] >= c ? 1 : 0); }
                case LT -> { for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] < c ? 1 : 0); }
                case LE -> { for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] <= c ? 1 : 0); }
                default -> crossConstant(a, ao, c, 1, from, start, to, out);
            }
        } else {
            // constant on the left: c op b  <=>  b (mirrored op) c
            double[] b = bank.array(rightSlot);
            int bo = bank.base(rightSlot) + rightShift;
            double c = leftConst;
            switch (op) {
                case GT -> { for (int t = start; t < to; t++) out[t - from] = (byte) (c > b[t - bo] ? 1 : 0); }
                case GE -> { for (int t = start; t < to; t++) out[t - from] = (byte) (c >= b[t - bo] ? 1 : 0); }
                case LT -> { for (int t = start; t < to; t++) out[t - from] = (byte) (c < b[t - bo] ? 1 : 0); }
                case LE -> { for (int t = start; t < to; t++) out[t - from] = (byte) (c <= b[t - bo] ? 1 : 0); }
                default -> crossConstant(b, bo, c, -1, from, start, to, out);
            }
        }
    }

    private void crossSeries(double[] a, int ao, double[] b, int bo, int from, int start, int to, byte[] out) {
        boolean above = op == Comparison.CROSSES_ABOVE;
        int last = lastSign;
        for (int t = start; t < to; t++) {
            double d = a[t - ao] - b[t - bo];
            out[t - from] = cross(d, last, above);
            last = next(d, last);
        }
        lastSign = last;
    }

    /** {@code sign} = +1 for {@code a op c}, -1 for {@code c op a}. */
    private void crossConstant(double[] a, int ao, double c, int sign, int from, int start, int to, byte[] out) {
        boolean above = op == Comparison.CROSSES_ABOVE;
        int last = lastSign;
        for (int t = start; t < to; t++) {
            double d = sign * (a[t - ao] - c);
            out[t - from] = cross(d, last, above);
            last = next(d, last);
        }
        lastSign = last;
    }

    /** Sign of the last non-zero difference after seeing {@code d}; an undefined (NaN) difference forgets it. */
    private static int next(double d, int last) {
        int sign = (int) Math.signum(d); // NaN -> 0
        return sign != 0 ? sign : (d == 0 ? last : 0);
    }

    private static byte cross(double d, int last, boolean above) {
        return (byte) (above ? (d > 0 && last < 0 ? 1 : 0) : (d < 0 && last > 0 ? 1 : 0));
    }
}
