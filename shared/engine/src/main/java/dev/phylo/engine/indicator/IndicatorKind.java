package dev.phylo.engine.indicator;

import java.util.List;
import java.util.Locale;

/**
 * The indicators Phylo computes, with their parameters, outputs and warm-up lengths.
 *
 * <p>Conventions follow TA-Lib and backtrader (see {@code ../shared/conformance}): EMA is seeded with the SMA of
 * its first n inputs; RSI and ATR use Wilder smoothing (alpha 1/n) seeded with an SMA; Bollinger uses the
 * population standard deviation; ROC is {@code (close - close[n]) / close[n]}. During warm-up a value is
 * undefined ({@code NaN}), which never produces a signal.
 */
public enum IndicatorKind {
    /** Simple moving average of close. */
    SMA("sma", List.of("period"), List.of("value")),
    /** Exponential moving average of close, alpha 2/(n+1), seeded with SMA(n). */
    EMA("ema", List.of("period"), List.of("value")),
    /** Linearly weighted moving average of close (newest weight n, divided by n(n+1)/2). */
    WMA("wma", List.of("period"), List.of("value")),
    /** Wilder's relative strength index of close, 0..100. */
    RSI("rsi", List.of("period"), List.of("value")),
    /** Bollinger bands: SMA(n) plus/minus devfactor population standard deviations. */
    BOLLINGER("bollinger", List.of("period", "devfactor"), List.of("middle", "upper", "lower")),
    /** Wilder's average true range. */
    ATR("atr", List.of("period"), List.of("value")),
    /** MACD: EMA(fast) - EMA(slow); signal = EMA(signal) of the line; histogram = line - signal. */
    MACD("macd", List.of("fast", "slow", "signal"), List.of("line", "signal", "histogram")),
    /** Slow stochastic: k = SMA(dfast) of fast %K over n bars, d = SMA(dslow) of k. */
    STOCH("stoch", List.of("period", "dfast", "dslow"), List.of("k", "d")),
    /** Rate of change of close over n bars, as a fraction. */
    ROC("roc", List.of("period"), List.of("value")),
    /** Highest high over the last n bars, this bar included (upper Donchian channel). */
    HIGHEST("highest", List.of("period"), List.of("value")),
    /** Lowest low over the last n bars, this bar included (lower Donchian channel). */
    LOWEST("lowest", List.of("period"), List.of("value")),
    /** Z-score of close against its SMA(n) and population standard deviation over n bars. */
    ZSCORE("zscore", List.of("period"), List.of("value"));

    private final String id;
    private final List<String> paramNames;
    private final List<String> outputs;

    IndicatorKind(String id, List<String> paramNames, List<String> outputs) {
        this.id = id;
        this.paramNames = paramNames;
        this.outputs = outputs;
    }

    /** The lower-case name used in strategy specs, e.g. {@code bollinger}. */
    public String id() {
        return id;
    }

    public List<String> paramNames() {
        return paramNames;
    }

    /** Output names; the first is the default output. */
    public List<String> outputs() {
        return outputs;
    }

    public int outputIndex(String output) {
        int i = outputs.indexOf(output.toLowerCase(Locale.ROOT));
        if (i < 0) {
            throw new IllegalArgumentException("%s has no output '%s'; outputs are %s".formatted(id, output, outputs));
        }
        return i;
    }

    public static IndicatorKind byId(String id) {
        for (IndicatorKind k : values()) {
            if (k.id.equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown indicator '%s'; known: %s".formatted(id, ids()));
    }

    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(IndicatorKind::id).toList();
    }
}
