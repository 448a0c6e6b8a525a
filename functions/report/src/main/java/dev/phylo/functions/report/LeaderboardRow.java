package dev.phylo.functions.report;

import dev.phylo.evolution.validation.OverfitFlag;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One validated strategy in the report. Sharpe ratios and DSR are means over the symbols (see
 * {@link ValidatedStrategy}); the out-of-sample return is the mean over the symbols, the drawdown the worst one and
 * the trades their total. Buy-and-hold's out-of-sample return and the excess over it are means over the symbols
 * (null when a range is too short to compare); {@code mostlyBeta} as in {@link ValidatedStrategy}.
 */
@RegisterForReflection
public record LeaderboardRow(
        int rank,
        String id,
        String name,
        String risk,
        double fitness,
        Double inSampleSharpe,
        Double outOfSampleSharpe,
        Double deflatedSharpe,
        double outOfSampleReturn,
        double outOfSampleMaxDrawdown,
        int outOfSampleTrades,
        Double outOfSampleBuyAndHold,
        Double outOfSampleExcessReturn,
        boolean mostlyBeta,
        boolean overfit,
        List<OverfitFlag.Reason> reasons) {
    public LeaderboardRow {
        reasons = List.copyOf(reasons);
    }
}
