package dev.phylo.engine.evolve;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The shapes of strategy the GA searches. Each decodes into an ordinary {@link dev.phylo.engine.strategy.StrategySpec}
 * written with condition text; "mirrored" means the short side is the long side reflected (above/below swapped,
 * levels reflected about the indicator's centre).
 *
 * <ul>
 *   <li>{@code maCross}: long entry {@code sma(f) crosses above sma(s)} (or ema), f &lt; s; short entry the cross
 *       below. Direction both is stop and reverse (no exits); long-only and short-only exit on the opposite cross.</li>
 *   <li>{@code rsiReversion}: long {@code rsi(n) < low}, exit {@code rsi(n) > mid}; short {@code rsi(n) > 100-low},
 *       exit {@code rsi(n) < 100-mid}.</li>
 *   <li>{@code bollingerBreakout}: long {@code close crosses above bollinger(n,k).upper}, exit
 *       {@code close crosses below bollinger(n,k).middle}; short mirrored on {@code .lower}.</li>
 *   <li>{@code donchianBreakout}: long {@code close > highest(n)[1]}, exit {@code close < lowest(m)[1]}; short
 *       mirrored.</li>
 *   <li>{@code macdCross}: long {@code macd(f,s,g) crosses above macd(f,s,g).signal}, exit on the cross below;
 *       short mirrored.</li>
 *   <li>{@code stochReversion}: as rsiReversion on {@code stoch(n,d,d)} (its %K).</li>
 *   <li>{@code rocMomentum}: long {@code roc(n) > t}, exit {@code roc(n) < 0}; short {@code roc(n) < -t}, exit
 *       {@code roc(n) > 0}.</li>
 *   <li>{@code zscoreReversion}: long {@code zscore(n) < e} (e &lt; 0), exit {@code zscore(n) > x}; short
 *       {@code zscore(n) > -e}, exit {@code zscore(n) < -x}.</li>
 * </ul>
 */
public enum RuleFamily {
    MA_CROSS("maCross"),
    RSI_REVERSION("rsiReversion"),
    BOLLINGER_BREAKOUT("bollingerBreakout"),
    DONCHIAN_BREAKOUT("donchianBreakout"),
    MACD_CROSS("macdCross"),
    STOCH_REVERSION("stochReversion"),
    ROC_MOMENTUM("rocMomentum"),
    ZSCORE_REVERSION("zscoreReversion");

    private final String id;

    RuleFamily(String id) {
        this.id = id;
    }

    /** The camel-case name used in JSON and in strategy names, e.g. {@code maCross}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The family named {@code id} (its camel-case id, or the enum constant name). */
    @JsonCreator
    public static RuleFamily byId(String id) {
        for (RuleFamily f : values()) {
            if (f.id.equals(id) || f.name().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown rule family '%s'; known: %s".formatted(id, ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(RuleFamily::id).toList();
    }
}
