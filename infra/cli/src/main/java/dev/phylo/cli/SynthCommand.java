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

    /** What the series holds. */
    enum Kind {
        /** Stock-like: bull, bear and sideways drift regimes. */
        market,
        /** A planted edge: regimes of +drift and -drift a year, for testing validation. */
        edge,
        /** A planted mean-reversion edge: noise pulled back to its start with a half-life of --half-life bars. */
        reversion,
        /** Driftless noise that ends where it starts: the control for an edge. */
        noise
    }

    @Option(
            names = "--kind",
            defaultValue = "market",
            paramLabel = "market|edge|noise",
            description = "market (default): stock-like drift regimes; edge: a planted trend edge of --edge-drift; "
                    + "reversion: a planted mean-reversion edge of --half-life; noise: no drift, and the last close "
                    + "equals the first open.")
    Kind kind;

    @Option(
            names = "--edge-drift",
            defaultValue = "0.6",
            paramLabel = "RATE",
            description = "With --kind edge: the trending regimes' drift a year, + and - (default 0.6 = 60%%, twice "
                    + "the 30%% volatility).")
    double edgeDrift;

    @Option(
            names = "--half-life",
            defaultValue = "200",
            paramLabel = "BARS",
            description = "With --kind reversion: bars in which a deviation from the start halves (default 200).")
    double halfLife;

    @Option(
            names = "--regime-days",
            defaultValue = "60",
            paramLabel = "DAYS",
            description = "With --kind edge: how long a regime lasts on average (default 60 days).")
    double regimeDays;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (bars < 2) {
            throw new IllegalArgumentException("--bars must be at least 2: " + bars);
        }
        BarInterval barInterval = BarInterval.parse(interval);
        BarSeries s = switch (kind) {
            case market -> SyntheticMarket.generate(SyntheticConfig.defaults(symbol, barInterval, bars, seed));
            case edge ->
                SyntheticMarket.generate(
                        SyntheticConfig.plantedEdge(symbol, barInterval, bars, seed, edgeDrift, regimeDays));
            case reversion ->
                SyntheticMarket.meanReverting(
                        SyntheticMarket.generate(SyntheticConfig.noise(symbol, barInterval, bars, seed)), halfLife);
            case noise ->
                SyntheticMarket.endingAtStart(
                        SyntheticMarket.generate(SyntheticConfig.noise(symbol, barInterval, bars, seed)));
        };
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
                .printf(
                        "wrote %,d %s bars of %s (%s, seed %d) to %s%n",
                        s.size(), s.interval(), symbol, kind, seed, out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
