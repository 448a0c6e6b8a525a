package dev.phylo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code phylo} command: the local entry point. */
@Command(
        name = "phylo",
        mixinStandardHelpOptions = true,
        versionProvider = Phylo.Version.class,
        description = "Evolves trading strategies: run the pipeline locally, backtest a strategy, generate synthetic "
                + "data, list examples.",
        subcommands = {
            dev.phylo.cli.run.RunCommand.class,
            dev.phylo.cli.run.IngestCommand.class,
            dev.phylo.cli.run.RunsCommand.class,
            dev.phylo.cli.run.ReportCommand.class,
            dev.phylo.cli.cloud.CloudCommand.class,
            BacktestCommand.class,
            SynthCommand.class,
            ExamplesCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Phylo implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI on the standard streams and returns its exit code (0 ok, 1 failure, 2 usage error). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the CLI writing to the given streams. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Phylo());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Errors());
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Phylo.class.getPackage().getImplementationVersion();
            return new String[] {"phylo " + (v == null ? "(development build)" : v)};
        }
    }
}
