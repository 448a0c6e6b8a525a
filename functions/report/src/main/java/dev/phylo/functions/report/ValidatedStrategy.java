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
 * @param fitness    its in-sample fitness from the result files
 * @param bySymbol   the details per symbol, sorted by symbol
 */
@RegisterForReflection
public record ValidatedStrategy(
        int rank,
        String id,
        String name,
        int generation,
        double fitness,
        Double inSampleSharpe,
        Double outOfSampleSharpe,
        Double deflatedSharpe,
        boolean overfit,
        List<OverfitFlag.Reason> reasons,
        Map<String, SymbolValidation> bySymbol) {
    public ValidatedStrategy {
        reasons = List.copyOf(reasons);
        bySymbol = Collections.unmodifiableMap(new TreeMap<>(bySymbol));
    }
}
