package dev.phylo.store;

/**
 * What a retention pass removed: whole chunks dropped from hypertables (rows not counted), then rows deleted by time
 * (on a hypertable, those of the chunk the cutoff falls in; on a plain table, all rows before the cutoff).
 *
 * @param timescale   whether the tables were hypertables
 * @param summaryRows rows deleted from the per-run summaries (run_generations, run_strategies) of the same runs
 * @param batches     transactions it took
 */
public record RetentionResult(
        boolean timescale,
        String cutoff,
        long marketDataRows,
        long marketDataChunks,
        long metricsRows,
        long metricsChunks,
        long summaryRows,
        int batches) {}
