package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code phylo report RUN_ID}: reprints a finished run's leaderboard and where its report is. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Reprints a run's leaderboard from its report.json and gives the HTML report's path.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run (see phylo runs).")
    String runId;

    @Option(names = "--root", description = "The Phylo checkout (default: found from the current folder).")
    Path root;

    @Option(names = "--json", description = "Print report.json instead.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path checkout = root != null
                ? root.toAbsolutePath()
                : RunCommand.Checkouts.find(Path.of("").toAbsolutePath());
        Path runDir = checkout.resolve(".phylo/efs/runs").resolve(runId);
        JsonNode report = Leaderboard.read(runDir);
        if (json) {
            System.out.println(report.toPrettyString());
        } else {
            Leaderboard.show(report, runDir, System.out);
        }
        return 0;
    }
}
