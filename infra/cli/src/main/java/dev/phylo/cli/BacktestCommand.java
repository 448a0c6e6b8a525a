package dev.phylo.cli;

import dev.phylo.engine.backtest.BacktestResult;
import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.backtest.ExecutionConfig;
import dev.phylo.engine.backtest.Fill;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.CsvReadResult;
import dev.phylo.engine.data.RowIssue;
import dev.phylo.engine.strategy.ExampleStrategies;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.engine.strategy.StrategySpecs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code phylo backtest}: one strategy on one CSV file, as a readable report or as JSON. */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = "Backtest a strategy spec on OHLCV data and print its metrics and trades.")
final class BacktestCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(
            names = "--strategy",
            required = true,
            paramLabel = "SPEC",
            description = "Strategy spec JSON file, or the name of a shipped example (see 'phylo examples').")
    String strategy;

    @Option(
            names = "--fill",
            defaultValue = "next-open",
            paramLabel = "next-open|close",
            description = "When orders fill: next bar's open (default) or the signal bar's close.")
    String fill;

    @Option(names = "--fee-bps", defaultValue = "0", paramLabel = "N", description = "Fee per side, basis points.")
    double feeBps;

    @Option(
            names = "--slippage-bps",
            defaultValue = "0",
            paramLabel = "N",
            description = "Slippage per side, basis points.")
    double slippageBps;

    @Option(names = "--capital", defaultValue = "10000", paramLabel = "AMOUNT", description = "Initial equity.")
    double capital;

    @Option(names = "--json", description = "Print the metrics and trades as JSON.")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StrategySpec strategySpec = loadStrategy(strategy);
        ExecutionConfig exec = new ExecutionConfig(parseFill(fill), feeBps, slippageBps, capital);
        CsvReadResult read = data.read();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (RowIssue issue : read.dropped()) {
            err.println("dropped: " + issue);
        }
        BarSeries series = read.series();
        BacktestResult result = Backtester.run(series, strategySpec, exec, false);
        if (json) {
            out.println(ReportJson.render(result));
        } else {
            Report.print(out, series, strategySpec, exec, result, read.dropped().size());
        }
        out.flush();
        return 0;
    }

    static StrategySpec loadStrategy(String ref) {
        Path file = Path.of(ref);
        if (Files.isRegularFile(file)) {
            return StrategySpecs.read(file);
        }
        if (ExampleStrategies.names().contains(ref)) {
            return ExampleStrategies.get(ref);
        }
        throw new IllegalArgumentException("strategy '%s' is neither a readable file nor an example; examples: %s"
                .formatted(ref, ExampleStrategies.names()));
    }

    static Fill parseFill(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "next-open", "open" -> Fill.NEXT_OPEN;
            case "close" -> Fill.CLOSE;
            default -> throw new IllegalArgumentException("--fill must be next-open or close, not '" + text + "'");
        };
    }
}
