package dev.phylo.functions.report;

import dev.phylo.engine.strategy.Sizing;
import dev.phylo.engine.strategy.Stop;
import dev.phylo.engine.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A strategy's exits in a few words, for the leaderboard: strategies of one rule and direction that differ only in
 * their stops read alike by name, and this tells them apart ({@code stop 1×ATR14, trail 2×ATR14, 20 bars max}); a
 * position smaller than all of equity is named too ({@code no stops; 50% of equity}).
 */
final class RiskLabel {

    private RiskLabel() {}

    static String of(StrategySpec spec) {
        List<String> parts = new ArrayList<>(4);
        add(parts, "stop", spec.stopLoss());
        add(parts, "target", spec.takeProfit());
        add(parts, "trail", spec.trailingStop());
        if (spec.maxBarsInTrade() > 0) {
            parts.add(spec.maxBarsInTrade() + " bars max");
        }
        String exits = parts.isEmpty() ? "no stops" : String.join(", ", parts);
        Sizing sizing = spec.sizing();
        if (sizing.units() > 0) {
            return exits + "; " + trim(sizing.units()) + " units";
        }
        return sizing.fractionOfEquity() < 1
                ? exits + "; " + trim(sizing.fractionOfEquity() * 100) + "% of equity"
                : exits;
    }

    private static void add(List<String> parts, String what, Stop stop) {
        if (stop == null) {
            return;
        }
        parts.add(
                stop.kind() == Stop.Kind.PERCENT
                        ? String.format(Locale.ROOT, "%s %s%%", what, trim(stop.value()))
                        : String.format(Locale.ROOT, "%s %s×ATR%d", what, trim(stop.value()), stop.atrPeriod()));
    }

    private static String trim(double v) {
        return v == Math.rint(v)
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }
}
