package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What {@code report} returns once the files are written and the run is marked succeeded.
 *
 * @param html        absolute path of {@code runs/<runId>/report.html}
 * @param json        absolute path of {@code runs/<runId>/report.json}
 * @param htmlUri     {@code s3://<bucket>/reports/<runId>/report.html} when a report bucket is configured, else null
 * @param jsonUri     the same for {@code report.json}
 * @param generations evaluated generations
 * @param bestId      the strategy with the highest in-sample fitness
 * @param pbo         probability of backtest overfitting, null when it could not be estimated
 * @param status      the run's status afterwards: {@code succeeded}
 */
@RegisterForReflection
public record ReportSummary(
        String runId,
        String html,
        String json,
        String htmlUri,
        String jsonUri,
        int generations,
        String bestId,
        Double bestOutOfSampleSharpe,
        Double pbo,
        int flagged,
        String status) {}
