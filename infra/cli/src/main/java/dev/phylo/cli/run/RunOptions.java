package dev.phylo.cli.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code phylo run} was asked for. Defaults (see {@link RunCommand} and
 * {@link dev.phylo.evolution.RunDefaults}) make the README's default job: two synthetic symbols, about three years of
 * hourly bars, 256 strategies, 20 generations.
 *
 *
 * @param root     the checkout: sam/template.yaml and the functions' artifacts
 * @param stateDir local state ({@code .phylo}): pg/, efs/, data/, logs/
 * @param from     first bar of the run, ISO date or instant; null for the first bar of the data files, or of the store
 * @param to       end of the run's range, ISO date or instant; null for the end of the data files, or of the store
 * @param data     the CSV files to ingest, one per symbol, in the order of {@code symbols}; empty for synthetic data
 * @param columns  the column mapping of every data file (as {@code --columns}); null to detect it
 * @param batchSize strategies per evaluate invocation; null lets the seed function size them
 * @param walkForward K walk-forward folds, or null for an ordinary run; {@code anchored}: every fold trains from the
 *     first bar
 */
public record RunOptions(
        Path root,
        Path stateDir,
        List<String> symbols,
        String interval,
        String from,
        String to,
        int bars,
        List<Path> data,
        String columns,
        String runId,
        int population,
        int generations,
        Integer batchSize,
        long seed,
        int maxConcurrency,
        String objective,
        int stallGenerations,
        double feeBps,
        double slippageBps,
        String databaseUrl,
        boolean json,
        boolean debug,
        Integer walkForward,
        boolean anchored) {

    public RunOptions {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("--symbols: at least one symbol");
        }
        data = List.copyOf(data);
        if (!data.isEmpty() && symbols.size() != data.size()) {
            throw new IllegalArgumentException(
                    "--data names %d file(s) and --symbols %d symbol(s): one symbol per file, in order"
                            .formatted(data.size(), symbols.size()));
        }
        if (population < 2
                || generations < 1
                || (batchSize != null && batchSize < 1)
                || maxConcurrency < 1
                || bars < 100) {
            throw new IllegalArgumentException("--population >= 2, --generations >= 1, --batch-size >= 1, "
                    + "--max-concurrency >= 1 and --bars >= 100");
        }
    }
}
