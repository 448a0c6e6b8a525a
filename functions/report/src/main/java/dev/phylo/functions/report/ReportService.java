package dev.phylo.functions.report;

import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.WalkForwardPlan;
import dev.phylo.engine.backtest.Backtester;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.metrics.Metrics;
import dev.phylo.evolution.GenerationSummary;
import dev.phylo.evolution.PlanTerms;
import dev.phylo.store.Database;
import dev.phylo.store.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Writes {@code runs/<runId>/report.html} and {@code report.json} atomically, copies them to the report bucket when one
 * is configured, then marks the run succeeded. Both files are functions of the run files alone (no timestamp), so a
 * replayed step rewrites nothing and the status update changes no row.
 */
@ApplicationScoped
public class ReportService {

    static final String HTML = "report.html";
    static final String JSON = "report.json";
    private static final Logger LOG = Logger.getLogger(ReportService.class);

    private final Database database;
    private final RunRepository runs;
    private final ValidationService validations;
    private final ReportPublisher publisher;

    ReportService(Database database, RunRepository runs, ValidationService validations, ReportPublisher publisher) {
        this.database = database;
        this.runs = runs;
        this.validations = validations;
        this.publisher = publisher;
    }

    public ReportSummary report(RunRequest request) {
        String runId = ValidationService.runId(request);
        Optional<WalkForwardPlan> walkForward = validations.files().findWalkForward(runId);
        if (walkForward.isPresent()) {
            return walkForward(walkForward.get());
        }
        EfsLayout efs = validations.efs();
        RunHistory history = RunHistory.read(validations.files(), runId);
        Validation validation = validations.load(runId);
        RunPlan plan = history.plan();
        Path dir = efs.runDir(runId);
        RunData data = RunData.load(efs, plan);
        ReportFile report = reportFile(history, validation, data, efs.root().relativize(dir));

        DataSlice slice = plan.data().get(0);
        BarSeries both = data.bothRanges(slice);
        RunHistory.Trial best = history.ranked().get(0);
        double capital = plan.execution().initialCapital();
        double[] equity = Backtester.run(both, best.spec(), PlanTerms.execution(plan), true)
                .equity();
        String html = ReportHtml.page(
                report,
                plan.execution(),
                validation,
                ReportCharts.fitness(report.fitnessByGeneration()),
                ReportCharts.equity(
                        both,
                        equity,
                        capital,
                        slice,
                        ReportHtml.shortId(best.id()) + " " + best.spec().name()),
                ReportCharts.drawdown(both, equity, capital, slice));

        String[] uris = write(runId, dir, html, AtomicFiles.toJson(report));
        LOG.infof(
                "reported %s: %s%s; best %s; run succeeded",
                runId, dir.resolve(HTML), uris[0] == null ? "" : " and " + uris[0], best.id());
        ValidatedStrategy top = validation.strategies().get(0);
        return new ReportSummary(
                runId,
                dir.resolve(HTML).toString(),
                dir.resolve(JSON).toString(),
                uris[0],
                uris[1],
                history.generations(),
                best.id(),
                top.outOfSampleSharpe(),
                report.pbo() == null ? null : report.pbo().probability(),
                validation.flagged(),
                "succeeded");
    }

    /**
     * A walk-forward run's report: its folds stitched (each fold run has reported itself by now, as a child
     * execution that succeeded).
     */
    private ReportSummary walkForward(WalkForwardPlan plan) {
        String runId = plan.runId();
        EfsLayout efs = validations.efs();
        Path dir = efs.runDir(runId);
        WalkForwardReport.Result result = WalkForwardReport.build(
                plan,
                fold -> RunHistory.read(validations.files(), fold),
                validations::load,
                runPlan -> RunData.load(efs, runPlan),
                WalkForwardReport.paths(efs, runId));
        WalkForwardFile file = result.file();
        List<String> charts = result.curves().stream()
                .map(c -> ReportCharts.stitched(c, result.testWindows()))
                .toList();
        RunPlan first = validations.files().readPlan(plan.folds().get(0).runId());
        String html = WalkForwardHtml.page(file, first.execution(), charts);
        String[] uris = write(runId, dir, html, AtomicFiles.toJson(file));
        FoldRow last = file.folds().get(file.folds().size() - 1);
        LOG.infof(
                "reported walk-forward %s: %d folds, stitched out-of-sample return %.4f against buy-and-hold %.4f;"
                        + " run succeeded",
                runId, file.folds().size(), file.strategyReturn(), file.buyAndHoldReturn());
        return new ReportSummary(
                runId,
                dir.resolve(HTML).toString(),
                dir.resolve(JSON).toString(),
                uris[0],
                uris[1],
                file.generations(),
                last.winnerId(),
                last.outOfSampleSharpe(),
                null,
                file.flaggedWinners(),
                "succeeded");
    }

    /** Writes both files, publishes them when a bucket is configured and marks the run succeeded: the two URIs. */
    private String[] write(String runId, Path dir, String html, byte[] jsonBytes) {
        byte[] htmlBytes = html.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(HTML), htmlBytes);
        AtomicFiles.write(dir.resolve(JSON), jsonBytes);
        String htmlUri = publisher
                .publish(runId, HTML, htmlBytes, "text/html; charset=utf-8")
                .orElse(null);
        String jsonUri =
                publisher.publish(runId, JSON, jsonBytes, "application/json").orElse(null);
        database.await(
                "finish run " + runId,
                c -> runs.get(c, runId)
                        .map(run -> run.orElseThrow(
                                () -> new IllegalStateException("run " + runId + " has no row in runs: seed it first")))
                        .map(run -> {
                            if (!run.status().equals("running") && !run.status().equals("succeeded")) {
                                throw new IllegalStateException("run " + runId + " has ended " + run.status() + " ("
                                        + run.error() + "): a report does not make it succeeded");
                            }
                            return run;
                        })
                        .flatMap(run -> runs.finish(c, runId, true, null)));
        return new String[] {htmlUri, jsonUri};
    }

    private static ReportFile reportFile(RunHistory history, Validation validation, RunData data, Path dir) {
        RunPlan plan = history.plan();
        List<DataRange> ranges = new ArrayList<>();
        for (DataSlice s : plan.data()) {
            BarSeries in = data.inSample(s);
            BarSeries out = data.outOfSample(s);
            ranges.add(new DataRange(
                    s.symbol(),
                    s.interval(),
                    iso(s.inSampleFrom()),
                    iso(s.inSampleTo()),
                    iso(s.outOfSampleFrom()),
                    iso(s.outOfSampleTo()),
                    in.size(),
                    iso(in.time()[0]),
                    iso(in.time()[in.size() - 1]),
                    out.size(),
                    iso(out.time()[0]),
                    iso(out.time()[out.size() - 1])));
        }
        List<GenerationPoint> generations = new ArrayList<>();
        for (GenerationSummary g : history.summaries()) {
            generations.add(
                    new GenerationPoint(g.generation(), g.count(), g.bestId(), g.bestFitness(), g.medianFitness()));
        }
        List<LeaderboardRow> leaderboard = new ArrayList<>();
        for (ValidatedStrategy v : validation.strategies()) {
            double returns = 0;
            double drawdown = 0;
            int trades = 0;
            List<Double> buyAndHold = new ArrayList<>();
            for (SymbolValidation s : v.bySymbol().values()) {
                buyAndHold.add(
                        s.outOfSampleBenchmark() == null
                                ? null
                                : s.outOfSampleBenchmark().benchmarkReturn());
                Metrics out = s.outOfSample();
                returns += out.totalReturn();
                drawdown = Math.max(drawdown, out.maxDrawdown());
                trades += out.tradeCount();
            }
            leaderboard.add(new LeaderboardRow(
                    v.rank(),
                    v.id(),
                    v.name(),
                    v.risk(),
                    v.fitness(),
                    v.inSampleSharpe(),
                    v.outOfSampleSharpe(),
                    v.deflatedSharpe(),
                    returns / v.bySymbol().size(),
                    drawdown,
                    trades,
                    Validator.mean(buyAndHold),
                    v.outOfSampleExcessReturn(),
                    v.mostlyBeta(),
                    v.overfit(),
                    v.reasons()));
        }
        String interval = plan.data().stream()
                .map(DataSlice::interval)
                .distinct()
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        return new ReportFile(
                plan.runId(),
                plan.data().stream().map(DataSlice::symbol).toList(),
                interval,
                ranges,
                plan.populationSize(),
                plan.generations(),
                history.generations(),
                plan.seed(),
                plan.objective() + " (at least " + plan.minTrades() + " trades)",
                history.ranked().get(0).id(),
                validation.effectiveTrials(),
                validation.pbo(),
                generations,
                leaderboard,
                validation.equivalentsSkipped(),
                validation.similarSkipped(),
                validation.maxCorrelation(),
                new ReportPaths(
                        slash(dir.resolve(HTML)),
                        slash(dir.resolve(JSON)),
                        slash(dir.resolve(ValidationService.FILE))));
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String slash(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
