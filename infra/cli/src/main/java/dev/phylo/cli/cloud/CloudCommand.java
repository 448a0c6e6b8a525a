package dev.phylo.cli.cloud;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code phylo cloud}: plan a run (its work, time and cost, without AWS), start and follow runs of the deployed state
 * machine, look up executions, and upload market data into the raw-data bucket. Everything else is found from the SAM
 * stack's outputs.
 */
@Command(
        name = "cloud",
        mixinStandardHelpOptions = true,
        description = "Work with the deployed stack: plan, run, status, upload.",
        subcommands = {CloudPlanCommand.class, CloudRunCommand.class, CloudStatusCommand.class, CloudUploadCommand.class
        })
public final class CloudCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a subcommand: plan, run, status or upload");
    }
}
