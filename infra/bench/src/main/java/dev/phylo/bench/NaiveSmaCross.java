package dev.phylo.bench;

/**
 * The baseline the engine's batch is held to: one long-only SMA(10)/SMA(30) crossover written the obvious way, in one
 * loop over the closes with running sums. An entry or exit signalled on a bar's close fills at the next bar's open,
 * as in the engine; a position still open at the end is closed at the last close. No indicator objects, no bitsets,
 * no metrics beyond the compounded return: the fastest a single strategy gets in plain Java.
 */
public final class NaiveSmaCross {

    static final int FAST = 10;
    static final int SLOW = 30;

    private NaiveSmaCross() {}

    /**
     * Runs the crossover over the bars; returns the number of positions. When {@code trades} is not null, position
     * {@code k}'s entry and exit bar go to {@code trades[2k]} and {@code trades[2k + 1]}.
     */
    public static int run(double[] open, double[] close, int[] trades) {
        int n = close.length;
        double fastSum = 0;
        double slowSum = 0;
        double previousFast = Double.NaN;
        double previousSlow = Double.NaN;
        boolean inPosition = false;
        boolean enterNext = false;
        boolean exitNext = false;
        double entryPrice = 0;
        double equity = 1;
        int positions = 0;
        for (int i = 0; i < n; i++) {
            if (enterNext) {
                inPosition = true;
                entryPrice = open[i];
                enterNext = false;
                if (trades != null) {
                    trades[2 * positions] = i;
                }
            } else if (exitNext) {
                inPosition = false;
                equity *= open[i] / entryPrice;
                exitNext = false;
                if (trades != null) {
                    trades[2 * positions + 1] = i;
                }
                positions++;
            }
            fastSum += close[i];
            slowSum += close[i];
            if (i >= FAST) {
                fastSum -= close[i - FAST];
            }
            if (i >= SLOW) {
                slowSum -= close[i - SLOW];
            }
            if (i >= SLOW - 1) {
                double fast = fastSum / FAST;
                double slow = slowSum / SLOW;
                if (i >= SLOW && i < n - 1) {
                    if (!inPosition && previousFast <= previousSlow && fast > slow) {
                        enterNext = true;
                    } else if (inPosition && previousFast >= previousSlow && fast < slow) {
                        exitNext = true;
                    }
                }
                previousFast = fast;
                previousSlow = slow;
            }
        }
        if (inPosition) {
            equity *= close[n - 1] / entryPrice;
            if (trades != null) {
                trades[2 * positions + 1] = n - 1;
            }
            positions++;
        }
        // the return is part of the result, so the compounding cannot be optimised away
        return equity > 0 ? positions : -positions;
    }
}
