package dev.phylo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.cli.cloud.CloudCommand;
import dev.phylo.cli.run.RunCommand;
import dev.phylo.evolution.RunDefaults;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code phylo run} and {@code phylo cloud run} declare the run options once, with {@link RunDefaults}: the
 * defaults the seed function fills in (its own test, {@code SeedFunctionTest}, pins that side).
 */
class RunInputOptionsTest {

    @Test
    void bothRunCommandsDeclareTheSameRunOptionsWithTheSameHelp() {
        Map<String, String> local = runOptions(new CommandLine(new RunCommand()));
        Map<String, String> cloud = runOptions(cloudRun());

        assertThat(local)
                .isEqualTo(cloud)
                .containsKeys(
                        "--interval",
                        "--population",
                        "--generations",
                        "--seed",
                        "--objective",
                        "--stall",
                        "--fee-bps",
                        "--slippage-bps",
                        "--batch-size",
                        "--max-concurrency");
        assertThat(local.get("--population")).contains("(default: 256)");
        assertThat(local.get("--generations")).contains("(default: 20)");
        assertThat(local.get("--seed")).contains("(default: 42)");
        assertThat(local.get("--interval")).contains("(default: 1h)");
    }

    @Test
    void phyloRunUsesRunDefaultsForEveryOptionLeftOut() {
        CommandLine command = new CommandLine(new RunCommand());
        command.parseArgs();
        RunInputOptions run = mixin(command);

        assertThat(run.interval()).isEqualTo(RunDefaults.INTERVAL);
        assertThat(run.population()).isEqualTo(RunDefaults.POPULATION);
        assertThat(run.generations()).isEqualTo(RunDefaults.GENERATIONS);
        assertThat(run.seed()).isEqualTo(RunDefaults.SEED);
        assertThat(run.objective()).isEqualTo(RunDefaults.OBJECTIVE);
        assertThat(run.stall()).isEqualTo(RunDefaults.STALL_GENERATIONS);
        assertThat(run.feeBps()).isEqualTo(RunDefaults.FEE_BPS);
        assertThat(run.slippageBps()).isEqualTo(RunDefaults.SLIPPAGE_BPS);
        // where the run executes decides these two (this machine's cores for phylo run)
        assertThat(run.batchSize()).isNull();
        assertThat(run.maxConcurrency()).isNull();
    }

    @Test
    void cloudRunSendsOnlyWhatWasGivenAndTheSeedFunctionFillsInTheSameDefaults() {
        CommandLine none = cloudRun();
        none.parseArgs("run", "--stack", "s");
        ObjectNode empty = new ObjectMapper().createObjectNode();
        mixin(none.getSubcommands().get("run")).putGiven(empty);
        assertThat(empty.isEmpty()).as("%s", empty).isTrue();

        CommandLine some = cloudRun();
        some.parseArgs(
                "run", "--stack", "s", "--population", "64", "--stall", "3", "--fee-bps", "2.5", "--to", "2020-01-01");
        ObjectNode given = new ObjectMapper().createObjectNode();
        mixin(some.getSubcommands().get("run")).putGiven(given);
        assertThat(given.toString())
                .isEqualTo("{\"to\":\"2020-01-01\",\"populationSize\":64,\"stallGenerations\":3," + "\"feeBps\":2.5}");
    }

    @Test
    void numbersOutOfRangeFailBeforeAnythingStarts() {
        CommandLine command = new CommandLine(new RunCommand());
        command.parseArgs("--population", "1");

        assertThatThrownBy(() -> mixin(command).validate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--population must be at least 2, got 1");
    }

    private static CommandLine cloudRun() {
        return new CommandLine(new CloudCommand());
    }

    private static RunInputOptions mixin(CommandLine command) {
        return (RunInputOptions) command.getCommandSpec().mixins().get("run").userObject();
    }

    /** Option name to its help text, for the options of the {@code run} mixin. */
    private static Map<String, String> runOptions(CommandLine command) {
        CommandLine run = command.getCommandName().equals("run")
                ? command
                : command.getSubcommands().get("run");
        Map<String, String> options = new TreeMap<>();
        for (OptionSpec option : run.getCommandSpec().mixins().get("run").options()) {
            options.put(option.longestName(), String.join(" ", List.of(option.description())));
        }
        return options;
    }
}
