package dev.phylo.bench.functions;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.store.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * End-to-end figures of the function services, each against a baseline measured in the same run (run by
 * scripts/bench-functions):
 * <ol>
 *   <li>ingest of a 1M-bar CSV through {@code IngestService} vs {@code psql \copy} of the same rows;</li>
 *   <li>{@code SnapshotReader.load} of the 1M-bar snapshot vs {@code Files.readAllBytes} of its column files;</li>
 *   <li>one warm {@code EvaluateService} invocation (512 x 100,000) vs the engine alone;</li>
 *   <li>the persist step's transaction on 100,000 metric rows vs {@code psql \copy} of the same rows.</li>
 * </ol>
 * Arguments pick figures ({@code ingest}, {@code snapshot}, {@code evaluate}, {@code persist}; default all); {@code timescale}
 * compares hypertables with plain tables on a TimescaleDB server ({@link TimescaleBench}); {@code ingest-profile}
 * adds the diagnostic variants of {@link IngestProfile} (not part of the default). Repetitions come from
 * system properties {@code bench.ingest.runs} (3), {@code bench.snapshot.warmups} (10), {@code bench.snapshot.runs}
 * (40), {@code bench.evaluate.warmups} (2), {@code bench.evaluate.runs} (7); {@code bench.work} names the scratch
 * directory (default: a new temporary directory, deleted afterwards); {@code bench.profile.runs} (2) for the
 * profile. Progress goes to stderr, the summary to stdout.
 */
public final class FunctionsBench {

    static final int INGEST_BARS = 1_000_000;
    static final int EVALUATE_BARS = 100_000;

    private FunctionsBench() {}

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING); // the services log every call at INFO
        Set<String> figures = args.length == 0 ? Set.of("ingest", "snapshot", "evaluate", "persist") : Set.of(args);
        String workProperty = System.getProperty("bench.work");
        Path work = workProperty == null
                ? Files.createTempDirectory("phylo-bench-functions")
                : Files.createDirectories(Path.of(workProperty));
        long started = System.nanoTime();
        List<String> summary = new ArrayList<>();
        List<String> details = new ArrayList<>();
        try {
            BarSeries million = null;
            if (figures.contains("ingest") || figures.contains("snapshot") || figures.contains("ingest-profile")) {
                progress("generating " + Format.count(INGEST_BARS) + " synthetic 1-minute bars");
                million = SyntheticMarket.generate(
                        SyntheticConfig.defaults(IngestBench.SYMBOL, BarInterval.ONE_MINUTE, INGEST_BARS, 42));
            }
            if (figures.contains("ingest")) {
                IngestBench.Result r;
                try (IngestBench bench = new IngestBench(work, million, intProperty("bench.ingest.runs", 3))) {
                    r = bench.run();
                }
                ingestSummary(r, summary, details);
            }
            if (figures.contains("ingest-profile")) {
                try (IngestBench bench = new IngestBench(work, million, 0)) {
                    details.add("ingest-profile (diagnostic variants of the store's upsert and read-back):");
                    bench.profile(intProperty("bench.profile.runs", 2)).forEach(d -> details.add("  " + d));
                }
            }
            if (figures.contains("snapshot")) {
                SnapshotLoadBench.Result r = new SnapshotLoadBench(
                                work.resolve("efs-snapshot"),
                                million,
                                intProperty("bench.snapshot.warmups", 10),
                                intProperty("bench.snapshot.runs", 40))
                        .run();
                snapshotSummary(r, summary, details);
            }
            million = null;
            if (figures.contains("evaluate")) {
                BarSeries bars = SyntheticMarket.generate(
                        SyntheticConfig.defaults("EVAL", BarInterval.ONE_MINUTE, EVALUATE_BARS, 7));
                EvaluateBench.Result r = new EvaluateBench(
                                work.resolve("efs-evaluate"),
                                bars,
                                intProperty("bench.evaluate.warmups", 2),
                                intProperty("bench.evaluate.runs", 7))
                        .run();
                evaluateSummary(r, summary, details);
            }
            if (figures.contains("persist")) {
                PersistBench.Result r;
                try (PersistBench bench = new PersistBench(work, intProperty("bench.persist.runs", 3))) {
                    r = bench.run();
                }
                persistSummary(r, summary, details);
            }
            if (figures.contains("timescale")) {
                timescale(summary, details);
            }
        } finally {
            if (workProperty == null) {
                deleteTree(work);
            }
        }
        System.out.println("samples (wall time per run):");
        details.forEach(d -> System.out.println("  " + d));
        System.out.println();
        System.out.println("summary (medians; each figure with its baseline measured in the same run):");
        summary.forEach(System.out::println);
        System.out.println(Format.f(
                "machine: %d cores, Java %s; benchmark took %.0f s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                (System.nanoTime() - started) / 1e9));
        System.out.flush();
        // the evaluate service's worker pool is closed by CDI (@PreDestroy) in the function; here the JVM just ends
        System.exit(0);
    }

    /** Hypertables against plain tables on a TimescaleDB server, when one is named (else said, and skipped). */
    private static void timescale(List<String> summary, List<String> details) throws Exception {
        String url = System.getProperty("bench.timescale.url", System.getenv("PHYLO_BENCH_TIMESCALE_URL"));
        if (url == null || url.isBlank()) {
            summary.add("timescale: skipped (name a server with TimescaleDB in PHYLO_BENCH_TIMESCALE_URL)");
            return;
        }
        TimescaleBench.Result r = new TimescaleBench(
                        DatabaseUrl.parse(url),
                        intProperty("bench.timescale.warmups", 10),
                        intProperty("bench.timescale.runs", 50))
                .run();
        for (Samples s : List.of(r.monthHypertable(), r.monthPlain(), r.readHypertable(), r.readPlain())) {
            details.add(s.detail());
        }
        summary.add(Format.f(
                "timescale: %s bars (%d symbols x %s 1h), market_data a hypertable of %d chunks (%s) vs plain (%s)",
                Format.count((long) TimescaleBench.SYMBOLS * TimescaleBench.BARS_PER_SYMBOL),
                TimescaleBench.SYMBOLS,
                Format.count(TimescaleBench.BARS_PER_SYMBOL),
                r.chunks(),
                r.hypertable().storage().timescaleVersion(),
                r.plain().storage().reason()));
        summary.add(Format.f(
                "  one-month query of one symbol  : hypertable %.2f ms, plain %.2f ms, ratio %.2f (target <= 1)",
                r.monthHypertable().medianSeconds() * 1e3,
                r.monthPlain().medianSeconds() * 1e3,
                r.monthHypertable().medianSeconds() / r.monthPlain().medianSeconds()));
        summary.add(Format.f(
                "  read-back of one symbol (%s)  : hypertable %.2f ms, plain %.2f ms, ratio %.2f (target <= 1)",
                Format.count(TimescaleBench.BARS_PER_SYMBOL),
                r.readHypertable().medianSeconds() * 1e3,
                r.readPlain().medianSeconds() * 1e3,
                r.readHypertable().medianSeconds() / r.readPlain().medianSeconds()));
    }

    private static void ingestSummary(IngestBench.Result r, List<String> summary, List<String> details) {
        double service = r.service().medianSeconds();
        double copy = r.copy().medianSeconds();
        double ratio = r.ratio();
        summary.add(Format.f(
                "%-38s: %-8s %s rows/s   (stages, timed in separate runs: hash %s, parse %s, write %s,"
                        + " stored series %s, snapshot %s)",
                "ingest " + Format.count(r.rows()) + " bars (service)",
                Format.seconds(service),
                Format.count(r.rows() / service),
                Format.seconds(r.hash().medianSeconds()),
                Format.seconds(r.parse().medianSeconds()),
                Format.seconds(r.upsert().medianSeconds()),
                Format.seconds(r.readBack().medianSeconds()),
                Format.seconds(r.snapshot().medianSeconds())));
        summary.add(Format.f(
                "%-38s: %-8s %s rows/s",
                r.copyMethod() + " same rows (baseline)", Format.seconds(copy), Format.count(r.rows() / copy)));
        summary.add(
                Format.f("%-38s: %.2f x (target >= 0.5)   %s", "ingest / COPY", ratio, Format.verdict(ratio >= 0.5)));
        double overlap = r.overlap().medianSeconds();
        double overlapRatio = copy / overlap;
        summary.add(Format.f(
                "%-38s: %-8s %s rows/s",
                "ingest, every row already stored", Format.seconds(overlap), Format.count(r.rows() / overlap)));
        summary.add(Format.f(
                "%-38s: %.2f x (target >= 0.5)   %s",
                "ingest over stored rows / COPY", overlapRatio, Format.verdict(overlapRatio >= 0.5)));
        details.add(r.service().detail());
        details.add(r.overlap().detail());
        details.add(r.copy().detail());
        details.add(r.hash().detail());
        details.add(r.parse().detail());
        details.add(r.upsert().detail());
        details.add(r.readBack().detail());
        details.add(r.snapshot().detail());
        details.add(Format.f("(bars.csv is %s bytes)", Format.count(r.csvBytes())));
    }

    private static void snapshotSummary(SnapshotLoadBench.Result r, List<String> summary, List<String> details) {
        double load = r.loadBytesPerSecond();
        double plain = r.readAllBytesPerSecond();
        summary.add(Format.f(
                "%-38s: %-8s %s MB/s   (%.1f MB, warm page cache)",
                "snapshot load " + Format.count(r.rows()) + " bars",
                Format.seconds(r.load().medianSeconds()),
                Format.count(load / 1e6),
                r.loadBytes() / 1e6));
        summary.add(Format.f(
                "%-38s: %-8s %s MB/s",
                "Files.readAllBytes x6 (baseline)",
                Format.seconds(r.readAll().medianSeconds()),
                Format.count(plain / 1e6)));
        summary.add(Format.f(
                "%-38s: %.2f x;   load >= 1 GB/s warm: %s",
                "load / readAllBytes", load / plain, Format.verdict(load >= 1e9)));
        details.add(r.load().detail());
        details.add(r.readAll().detail());
    }

    private static void persistSummary(PersistBench.Result r, List<String> summary, List<String> details) {
        summary.add(Format.f(
                "%-38s: %-8s %s rows/s   (target >= 100,000 rows/s)   %s",
                "persist " + Format.count(r.rows()) + " metric rows",
                Format.seconds(r.persist().medianSeconds()),
                Format.count(r.rowsPerSecond()),
                Format.verdict(r.rowsPerSecond() >= 100_000)));
        summary.add(Format.f(
                "%-38s: %-8s (no row changes)",
                "replay of the same generation", Format.seconds(r.replay().medianSeconds())));
        summary.add(Format.f(
                "%-38s: %-8s %s rows/s",
                "psql \\copy same rows (baseline)",
                Format.seconds(r.copy().medianSeconds()),
                Format.count(r.copyRowsPerSecond())));
        summary.add(Format.f("%-38s: %.2f x", "persist / COPY", r.rowsPerSecond() / r.copyRowsPerSecond()));
        details.add(r.persist().detail());
        r.parts().forEach(part -> details.add(part.detail()));
        details.add(r.replay().detail());
        details.add(r.copy().detail());
    }

    private static void evaluateSummary(EvaluateBench.Result r, List<String> summary, List<String> details) {
        double service = r.service().medianSeconds();
        double engine = r.engine().medianSeconds();
        String what = Format.f("%d x %s bars", r.strategies(), Format.count(r.bars()));
        summary.add(Format.f(
                "%-38s: %-8s %.1f M strategy-bars/s   (target < 2 s)   %s",
                "evaluate " + what + " (service)",
                Format.seconds(service),
                r.strategyBars() / service / 1e6,
                Format.verdict(service < 2)));
        summary.add(Format.f(
                "%-38s: %-8s %.1f M strategy-bars/s",
                "engine alone (baseline)", Format.seconds(engine), r.strategyBars() / engine / 1e6));
        summary.add(Format.f(
                "%-38s: %.2f x (%+.0f ms per invocation)",
                "service / engine", service / engine, (service - engine) * 1e3));
        details.add(r.service().detail());
        details.add(r.engine().detail());
    }

    private static int intProperty(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static void progress(String message) {
        System.err.println("bench-functions: " + message);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
