package dev.phylo.engine.backtest.internal;

import dev.phylo.engine.strategy.Comparison;

/**
 * {@code left op right} over two slots (either may be a constant). Comparisons with an undefined (NaN) operand are
 * false, so warm-up never signals. Bars before the operands' shift are false too. A cross is evaluated in both
 * directions at once ({@code crosses above} into {@code out}, {@code crosses below} into {@code mirror}), since a
 * strategy that reads one nearly always reads the other.
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
    Compare(
            Comparison op,
            int leftSlot,
            int leftShift,
            double leftConst,
            int rightSlot,
            int rightShift,
            double rightConst) {
        this.op = op;
        this.leftSlot = leftSlot;
        this.leftShift = leftShift;
        this.leftConst = leftConst;
        this.rightSlot = rightSlot;
        this.rightShift = rightShift;
        this.rightConst = rightConst;
    }

    boolean isCross() {
        return op.isCross();
    }

    int lookback() {
        return Math.max(leftShift, rightShift);
    }

    /**
     * Writes 1 to {@code out[t - from]} where the condition holds at bar t, else 0, for t in {@code [from, to)}; for a
     * cross, {@code out} gets "crosses above" and {@code mirror} "crosses below".
     */
    void eval(IndicatorBank bank, int from, int to, byte[] out, byte[] mirror) {
        int start = Math.max(from, lookback());
        for (int t = from; t < start; t++) {
            out[t - from] = 0;
            if (mirror != null) {
                mirror[t - from] = 0;
            }
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
                case GT -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] > b[t - bo] ? 1 : 0);
                }
                case GE -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] >= b[t - bo] ? 1 : 0);
                }
                case LT -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] < b[t - bo] ? 1 : 0);
                }
                case LE -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] <= b[t - bo] ? 1 : 0);
                }
                default -> crossSeries(a, ao, b, bo, from, start, to, out, mirror);
            }
        } else if (leftSlot >= 0) {
            double[] a = bank.array(leftSlot);
            int ao = bank.base(leftSlot) + leftShift;
            double c = rightConst;
            switch (op) {
                case GT -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] > c ? 1 : 0);
                }
                case GE -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] >= c ? 1 : 0);
                }
                case LT -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] < c ? 1 : 0);
                }
                case LE -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (a[t - ao] <= c ? 1 : 0);
                }
                default -> crossConstant(a, ao, c, 1, from, start, to, out, mirror);
            }
        } else {
            // constant on the left: c op b  <=>  b (mirrored op) c
            double[] b = bank.array(rightSlot);
            int bo = bank.base(rightSlot) + rightShift;
            double c = leftConst;
            switch (op) {
                case GT -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (c > b[t - bo] ? 1 : 0);
                }
                case GE -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (c >= b[t - bo] ? 1 : 0);
                }
                case LT -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (c < b[t - bo] ? 1 : 0);
                }
                case LE -> {
                    for (int t = start; t < to; t++) out[t - from] = (byte) (c <= b[t - bo] ? 1 : 0);
                }
                default -> crossConstant(b, bo, c, -1, from, start, to, out, mirror);
            }
        }
    }

    private void crossSeries(
            double[] a, int ao, double[] b, int bo, int from, int start, int to, byte[] up, byte[] down) {
        int last = lastSign;
        for (int t = start; t < to; t++) {
            double d = a[t - ao] - b[t - bo];
            int pos = d > 0 ? 1 : 0;
            int neg = d < 0 ? 1 : 0;
            up[t - from] = (byte) (pos & (last >>> 31));
            down[t - from] = (byte) (neg & ((-last) >>> 31));
            last = next(d, pos - neg, last);
        }
        lastSign = last;
    }

    /** {@code sign} = +1 for {@code a vs c}, -1 for {@code c vs a}. */
    private void crossConstant(
            double[] a, int ao, double c, int sign, int from, int start, int to, byte[] up, byte[] down) {
        int last = lastSign;
        for (int t = start; t < to; t++) {
            double d = sign * (a[t - ao] - c);
            int pos = d > 0 ? 1 : 0;
            int neg = d < 0 ? 1 : 0;
            up[t - from] = (byte) (pos & (last >>> 31));
            down[t - from] = (byte) (neg & ((-last) >>> 31));
            last = next(d, pos - neg, last);
        }
        lastSign = last;
    }

    /**
     * Sign of the last non-zero difference after seeing {@code d} (whose sign is {@code sign}); an undefined (NaN)
     * difference forgets it.
     */
    private static int next(double d, int sign, int last) {
        return sign != 0 ? sign : (d == d ? last : 0);
    }
}
