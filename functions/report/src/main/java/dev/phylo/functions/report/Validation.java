package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * {@code runs/<runId>/validation.json}: everything {@code validate} found, as canonical JSON with no timestamp, so the
 * same run files always give the same bytes.
 *
 * @param generations         complete generations read
 * @param topK                strategies validated, best in-sample fitness first, one per behaviour
 * @param equivalentsSkipped  strategies passed over on the way because their in-sample metrics equal those of a
 *                            better-ranked one on every symbol (the same trades under another id)
 * @param similarSkipped      strategies passed over because their in-sample returns correlate above
 *                            {@code maxCorrelation} with a better-ranked one's
 * @param maxCorrelation      the leaderboard's limit on the correlation of its strategies' in-sample returns (1: none)
 * @param strategiesEvaluated N raw, distinct strategies over all generations
 * @param effectiveTrials     N effective: the clusters of correlated strategies, and how they were formed
 * @param rule                the overfit rule in words
 * @param trials              per symbol: N effective and the variance of the representatives' per-bar Sharpe ratios
 *                            (the DSR inputs)
 * @param pbo                 the probability of backtest overfitting over the representatives, null when not
 *                            estimable
 * @param strategies          the top K, validated
 * @param flagged             how many of them are flagged
 */
@RegisterForReflection
public record Validation(
        String runId,
        int generations,
        int topK,
        int equivalentsSkipped,
        int similarSkipped,
        double maxCorrelation,
        long strategiesEvaluated,
        EffectiveTrials effectiveTrials,
        String rule,
        List<SymbolTrials> trials,
        PboEstimate pbo,
        List<ValidatedStrategy> strategies,
        int flagged) {
    public Validation {
        trials = List.copyOf(trials);
        strategies = List.copyOf(strategies);
    }
}
