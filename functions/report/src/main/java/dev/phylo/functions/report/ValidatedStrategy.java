package dev.phylo.functions.report;

import dev.phylo.evolution.validation.OverfitFlag;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One of the top K strategies. The strategy-level Sharpe ratios and deflated Sharpe ratio are means over the plan's
 * symbols, null when undefined on any symbol; the overfit flag applies the rule to those means.
 *
 * @param rank       1 for the highest in-sample fitness (ties: smaller id first)
 * @param generation the first generation that evaluated it
 * @param risk       its exits in words ({@code RiskLabel}): strategies of one name can differ in them
 * @param fitness    its in-sample fitness from the result files
 * @param outOfSampleExcessReturn the mean over the symbols of its out-of-sample return minus buy-and-hold's (null
 *                                when a range is too short to compare)
 * @param mostlyBeta  whether, in sample, the market explains at least half of its mean return on at least half of
 *                    the symbols ({@code BenchmarkComparison})
 * @param bySymbol   the details per symbol, sorted by symbol
 */
@RegisterForReflection
public record ValidatedStrategy(
        int rank,
        String id,
        String name,
        String risk,
        int generation,
        double fitness,
        Double inSampleSharpe,
        Double outOfSampleSharpe,
        Double deflatedSharpe,
        boolean overfit,
        List<OverfitFlag.Reason> reasons,
        Double outOfSampleExcessReturn,
        boolean mostlyBeta,
        Map<String, SymbolValidation> bySymbol) {
    public ValidatedStrategy {
        reasons = List.copyOf(reasons);
        bySymbol = Collections.unmodifiableMap(new TreeMap<>(bySymbol));
    }
}
