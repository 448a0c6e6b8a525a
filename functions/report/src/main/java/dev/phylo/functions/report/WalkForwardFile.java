package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * {@code report.json} of a walk-forward run: the folds and the stitched out-of-sample results (docs/architecture.md,
 * decision 18). {@code strategyReturn} and {@code buyAndHoldReturn} are means over the symbols of the stitched returns.
 */
@RegisterForReflection
public record WalkForwardFile(
        String runId,
        List<String> symbols,
        String interval,
        boolean anchored,
        int populationSize,
        int generations,
        long seed,
        String objective,
        List<FoldRow> folds,
        List<StitchedSymbol> stitched,
        double strategyReturn,
        double buyAndHoldReturn,
        int flaggedWinners,
        ReportPaths paths) {
    public WalkForwardFile {
        symbols = List.copyOf(symbols);
        folds = List.copyOf(folds);
        stitched = List.copyOf(stitched);
    }
}
