package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * {@code runs/<runId>/report.json}: the numbers behind {@code report.html}. Canonical JSON with no timestamp: the
 * same run files give the same bytes.
 *
 * @param generations         evaluated generations
 * @param fitnessByGeneration chart 1: best and median in-sample fitness per generation
 * @param bestId              the strategy with the highest in-sample fitness (charts 2 and 3)
 * @param effectiveTrials     N raw and N effective, and how the clusters were formed
 * @param pbo                 null when not estimable
 * @param leaderboard         the validated top K, best in-sample fitness first, one per behaviour
 * @param equivalentsSkipped  strategies left out of it for trading exactly as a better-ranked one
 * @param similarSkipped      strategies left out of it because their in-sample returns correlate above
 *                            {@code maxCorrelation} with a better-ranked one's
 * @param maxCorrelation      that limit (1: none)
 */
@RegisterForReflection
public record ReportFile(
        String runId,
        List<String> symbols,
        String interval,
        List<DataRange> ranges,
        int populationSize,
        int generationsPlanned,
        int generations,
        long seed,
        String objective,
        String bestId,
        EffectiveTrials effectiveTrials,
        PboEstimate pbo,
        List<GenerationPoint> fitnessByGeneration,
        List<LeaderboardRow> leaderboard,
        int equivalentsSkipped,
        int similarSkipped,
        double maxCorrelation,
        ReportPaths paths) {
    public ReportFile {
        symbols = List.copyOf(symbols);
        ranges = List.copyOf(ranges);
        fitnessByGeneration = List.copyOf(fitnessByGeneration);
        leaderboard = List.copyOf(leaderboard);
    }
}
