package dev.phylo.engine.backtest;

/** Why a trade closed. */
public enum ExitReason {
    /** The side's exit rule fired. */
    SIGNAL,
    /** The opposite side's entry fired (stop and reverse). */
    REVERSE,
    STOP_LOSS,
    TAKE_PROFIT,
    TRAILING_STOP,
    /** The position reached the spec's maxBarsInTrade. */
    MAX_BARS,
    /** Still open at the last bar: closed at its close. */
    END_OF_DATA;

    /** camelCase name used in JSON output, e.g. {@code stopLoss}. */
    public String id() {
        String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }
}
