package dev.phylo.cli.cloud;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code phylo cloud}: start and follow runs of the deployed state machine, look up executions, and upload market
 * data into the raw-data bucket. Everything is found from the SAM stack's outputs.
 */
@Command(
        name = "cloud",
        mixinStandardHelpOptions = true,
        description = "Work with the deployed stack: run, status, upload.",
        subcommands = {CloudRunCommand.class, CloudStatusCommand.class, CloudUploadCommand.class})
public final class CloudCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a subcommand: run, status or upload");
    }
}
