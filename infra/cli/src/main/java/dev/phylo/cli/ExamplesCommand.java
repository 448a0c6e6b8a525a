package dev.phylo.cli;

import dev.phylo.engine.strategy.ExampleStrategies;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code phylo examples [NAME]}: lists the shipped example strategies, or prints one. */
@Command(
        name = "examples",
        mixinStandardHelpOptions = true,
        description = "List the shipped example strategies, or print one's JSON to start your own from.")
final class ExamplesCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Example to print.")
    String name;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            for (String n : ExampleStrategies.names()) {
                out.printf("%-30s %s%n", n, ExampleStrategies.get(n).name());
            }
        } else {
            out.print(ExampleStrategies.json(name));
        }
        out.flush();
        return 0;
    }
}
