package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What {@code validate} returns; {@code runs/<runId>/validation.json} holds the details.
 *
 * @param topK                strategies validated (the configured K, or fewer when the run evaluated fewer)
 * @param strategiesEvaluated N raw: distinct strategies over all generations
 * @param effectiveTrials     N effective: the clusters of correlated strategies, the trials the deflated Sharpe ratio
 *                            counts
 * @param pbo                 the probability of backtest overfitting over the clusters' representatives; null when it
 *                            cannot be estimated (fewer than 2 clusters or too few bars)
 * @param flagged             how many of the top K are flagged as likely overfit
 * @param validation          where the details are: the absolute path of {@code validation.json}
 */
@RegisterForReflection
public record ValidationSummary(
        String runId,
        int topK,
        long strategiesEvaluated,
        int effectiveTrials,
        Double pbo,
        BestStrategy best,
        int flagged,
        String validation) {}
