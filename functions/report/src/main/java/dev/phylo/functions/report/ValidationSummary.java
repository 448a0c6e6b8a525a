package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What {@code validate} returns; {@code runs/<runId>/validation.json} holds the details.
 *
 * @param topK                strategies validated (the configured K, or fewer when the run evaluated fewer)
 * @param strategiesEvaluated N: distinct strategies over all generations, the trials the deflated Sharpe ratio counts
 * @param pbo                 the probability of backtest overfitting of the final generation; null when it cannot be
 *                            estimated (fewer than 2 distinct strategies or too few bars)
 * @param flagged             how many of the top K are flagged as likely overfit
 * @param validation          where the details are: the absolute path of {@code validation.json}
 */
@RegisterForReflection
public record ValidationSummary(
        String runId,
        int topK,
        long strategiesEvaluated,
        Double pbo,
        BestStrategy best,
        int flagged,
        String validation) {}
