package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One walk-forward fold in the report: its windows, its winner (the fold run's best strategy by in-sample fitness,
 * chosen before its test window was seen) and the winner's results there. Sharpe ratios, DSR and returns are means over
 * the symbols, as on a run's leaderboard; {@code report} is the fold run's own report, relative to this one.
 */
@RegisterForReflection
public record FoldRow(
        int fold,
        String runId,
        String trainFrom,
        String testFrom,
        String testTo,
        int testBars,
        String winnerId,
        String winnerName,
        String risk,
        Double inSampleSharpe,
        Double outOfSampleSharpe,
        Double deflatedSharpe,
        double outOfSampleReturn,
        double buyAndHoldReturn,
        boolean overfit,
        String report) {}
