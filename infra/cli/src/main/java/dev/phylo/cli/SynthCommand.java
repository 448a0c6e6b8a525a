package dev.phylo.cli;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code phylo synth}: writes a seeded synthetic OHLCV series as CSV. */
@Command(
        name = "synth",
        mixinStandardHelpOptions = true,
        description = "Write a seeded synthetic OHLCV series (GARCH volatility, fat tails, drift regimes) as CSV.")
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output file.")
    Path out;

    @Option(names = "--bars", defaultValue = "10000", paramLabel = "N", description = "Number of bars.")
    int bars;

    @Option(names = "--interval", defaultValue = "1h", paramLabel = "1m|5m|1h|1d…", description = "Bar interval.")
    String interval;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed.")
    long seed;

    @Option(names = "--symbol", defaultValue = "SYNTH", paramLabel = "SYMBOL", description = "Symbol.")
    String symbol;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (bars < 2) {
            throw new IllegalArgumentException("--bars must be at least 2: " + bars);
        }
        BarSeries s =
                SyntheticMarket.generate(SyntheticConfig.defaults(symbol, BarInterval.parse(interval), bars, seed));
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
            w.write("Date,Open,High,Low,Close,Volume\n");
            for (int i = 0; i < s.size(); i++) {
                w.write(Instant.ofEpochMilli(s.time()[i]).toString());
                w.write(',');
                w.write(Double.toString(s.open()[i]));
                w.write(',');
                w.write(Double.toString(s.high()[i]));
                w.write(',');
                w.write(Double.toString(s.low()[i]));
                w.write(',');
                w.write(Double.toString(s.close()[i]));
                w.write(',');
                w.write(Double.toString(s.volume()[i]));
                w.write('\n');
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine()
                .getOut()
                .printf("wrote %,d %s bars of %s (seed %d) to %s%n", s.size(), s.interval(), symbol, seed, out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
