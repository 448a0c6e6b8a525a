package dev.phylo.cli.run;

import dev.phylo.cli.DatabaseUrlOptions;
import dev.phylo.evolution.RunDefaults;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code phylo ingest FILE...}: loads market data into the store through the ingest function, and runs nothing. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Loads CSV files (or folders of them) into the run database and their snapshots into the local EFS folder,",
            "through the ingest function, as phylo run does before it evolves; runs nothing."
        })
public final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "CSV files (.csv, .csv.gz) or folders of them.")
    List<Path> data;

    @Option(
            names = "--symbols",
            split = ",",
            description = "One symbol per file, in order (default: each file's name up to its first '-', '_' or '.', "
                    + "upper-cased).")
    List<String> symbols;

    @Option(names = "--interval", paramLabel = "1m|1h|1d…", description = "Bar interval (default: 1h).")
    String interval = RunDefaults.INTERVAL;

    @Option(
            names = "--columns",
            paramLabel = "MAPPING",
            description = "The column mapping of every file, by header name or 0-based index (as phylo run).")
    String columns;

    /** The database (default: NEON_DATABASE_URL, else the embedded PostgreSQL under .phylo/pg). */
    @Mixin
    DatabaseUrlOptions database;

    @Option(names = "--root", description = "The Phylo checkout (default: found from the current folder).")
    Path root;

    @Option(names = "--debug", description = "Forward function logs and print stack traces.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        Path checkout = root != null
                ? root.toAbsolutePath()
                : RunCommand.Checkouts.find(Path.of("").toAbsolutePath());
        List<Path> files = DataFiles.expand(data);
        List<String> names = symbols != null
                ? symbols
                : files.stream().map(DataFiles::symbolOf).toList();
        RunOptions options = new RunOptions(
                checkout,
                checkout.resolve(".phylo"),
                names,
                interval,
                null,
                null,
                26_280, // synthetic bars: unused when files are given
                files,
                columns,
                null,
                RunDefaults.POPULATION,
                RunDefaults.GENERATIONS,
                null,
                RunDefaults.SEED,
                1,
                RunDefaults.OBJECTIVE,
                RunDefaults.STALL_GENERATIONS,
                RunDefaults.FEE_BPS,
                RunDefaults.SLIPPAGE_BPS,
                database.resolve().orElse(null),
                false,
                debug,
                null,
                false);
        new LocalRun(options, System.out, System.err, LambdaFleet::new).ingestOnly();
        return 0;
    }
}
