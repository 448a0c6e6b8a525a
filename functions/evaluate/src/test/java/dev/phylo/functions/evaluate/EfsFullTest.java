package dev.phylo.functions.evaluate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.BatchRef;
import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsFileException;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.ExecutionPlan;
import dev.phylo.efs.Population;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.RunPlan;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotReader;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.evolution.Generations;
import dev.phylo.testkit.SmallFilesystem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A full or read-only EFS, for real: a small tmpfs mounted where the files go (needs root, as in CI; skipped
 * otherwise). Writes fail with a named error saying which file and why (the kernel's "No space left on device" or
 * "Read-only file system"), no half-written file is left where a reader would find it, the files already there stay
 * readable, and the same write completes once space returns.
 */
@QuarkusTest
@QuarkusTestResource(TempEfsResource.class)
class EfsFullTest {

    private final EfsLayout efs = new EfsLayout(TempEfsResource.root);

    @Test
    void evaluateFailsABatchNamingTheResultFileAndARerunAfterSpaceReturnsCompletes() throws Exception {
        BatchRef ref = seedRun();
        Path generation = efs.generationDir(ref.runId(), 0);
        Path aside = Files.move(generation, generation.resolveSibling("aside"));
        Optional<SmallFilesystem> mounted = SmallFilesystem.mount(generation, 512);
        assumeTrue(mounted.isPresent(), "mounting a tmpfs needs root");
        try (SmallFilesystem fs = mounted.get()) {
            try (var files = Files.list(aside)) {
                for (Path file : files.toList()) {
                    Files.copy(file, generation.resolve(file.getFileName()));
                }
            }
            Path result = efs.resultFile(ref);

            fs.fill();
            String full = failed(invoke(ref));
            assertThat(full).contains(result.getFileName().toString()).contains("No space left on device");
            assertThat(result).doesNotExist();
            assertThat(fs.files()).noneMatch(name -> name.contains(".tmp-"));

            fs.free();
            fs.readOnly(true);
            String readOnly = failed(invoke(ref));
            assertThat(readOnly).contains(result.getFileName().toString()).contains("Read-only file system");
            assertThat(result).doesNotExist();

            fs.readOnly(false);
            EvaluateSummary summary =
                    invoke(ref).then().statusCode(200).extract().as(EvaluateSummary.class);
            assertThat(summary.replayed()).isFalse();
            assertThat(new RunFiles(efs).readResult(ref).results()).hasSize(summary.count());
        }
    }

    @Test
    void aSnapshotWriteOnAFullOrReadOnlyEfsFailsNamedAndThePublishedSnapshotStaysReadable() throws Exception {
        Path series = efs.seriesDir("FULL", BarInterval.ONE_HOUR);
        Optional<SmallFilesystem> mounted = SmallFilesystem.mount(series, 256);
        assumeTrue(mounted.isPresent(), "mounting a tmpfs needs root");
        try (SmallFilesystem fs = mounted.get()) {
            BarSeries first = market(2_000, 1);
            SnapshotManifest.publish(efs, SnapshotWriter.write(efs, first));
            BarSeries second = market(2_500, 2);

            fs.fill();
            assertThatThrownBy(() -> SnapshotWriter.write(efs, second))
                    .isInstanceOf(EfsFileException.class)
                    .hasMessageContaining(series.toString())
                    .hasMessageContaining("No space left on device");
            assertThat(fs.files()).noneMatch(name -> name.contains(".tmp-"));
            assertPublished(first);

            fs.free();
            fs.readOnly(true);
            assertThatThrownBy(() -> SnapshotWriter.write(efs, second))
                    .isInstanceOf(EfsFileException.class)
                    .hasMessageContaining("Read-only file system");
            assertPublished(first);

            fs.readOnly(false);
            SnapshotManifest.publish(efs, SnapshotWriter.write(efs, second));
            assertPublished(second);
        }
    }

    /**
     * What seed and breed write (a generation's population and batches) and what report writes (report.html, through
     * the same atomic write), on a full then read-only folder: a named error each, the files already there unchanged.
     */
    @Test
    void batchesPopulationsAndReportsFailNamedAndLeaveTheOldFiles() throws Exception {
        BatchRef ref = seedRun();
        RunFiles files = new RunFiles(efs);
        Population population = files.readPopulation(ref.runId(), 0);
        Path run = efs.runDir(ref.runId());
        Path reports = run.resolve("report");
        Optional<SmallFilesystem> mounted = SmallFilesystem.mount(reports, 64);
        assumeTrue(mounted.isPresent(), "mounting a tmpfs needs root");
        try (SmallFilesystem fs = mounted.get()) {
            Path report = reports.resolve("report.html");
            AtomicFiles.write(report, "<p>old</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

            fs.fill();
            assertThatThrownBy(() -> AtomicFiles.write(report, new byte[8192]))
                    .isInstanceOf(EfsFileException.class)
                    .hasMessageContaining("report.html")
                    .hasMessageContaining("No space left on device");
            assertThat(Files.readString(report)).isEqualTo("<p>old</p>");
            assertThat(fs.files()).containsExactly("report.html");

            fs.free();
            fs.readOnly(true);
            assertThatThrownBy(() -> AtomicFiles.write(report, new byte[8192]))
                    .isInstanceOf(EfsFileException.class)
                    .hasMessageContaining("Read-only file system");
            assertThat(Files.readString(report)).isEqualTo("<p>old</p>");
        }
        Path generation = efs.generationDir(ref.runId(), 1);
        Optional<SmallFilesystem> genMount = SmallFilesystem.mount(generation, 64);
        assumeTrue(genMount.isPresent(), "mounting a tmpfs needs root");
        try (SmallFilesystem fs = genMount.get()) {
            Population next = new Population(ref.runId(), 1, population.individuals());
            fs.fill();
            assertThatThrownBy(() -> files.writePopulation(next))
                    .isInstanceOf(EfsFileException.class)
                    .hasMessageContaining("No space left on device");
            var batch = Generations.batches(files.readPlan(ref.runId()), next).get(0);
            assertThatThrownBy(() -> files.writeBatch(batch))
                    .isInstanceOf(EfsFileException.class)
                    .hasMessageContaining("batch-00000.json")
                    .hasMessageContaining("No space left on device");
            assertThat(fs.files()).isEmpty();
            fs.free();
            files.writeBatch(batch);
            files.writePopulation(next);
            assertThat(files.readPopulation(ref.runId(), 1).individuals()).isEqualTo(population.individuals());
        }
    }

    private void assertPublished(BarSeries expected) {
        SnapshotRef latest =
                SnapshotManifest.latest(efs, "FULL", BarInterval.ONE_HOUR).orElseThrow();
        assertThat(SnapshotReader.load(efs, latest).close()).containsExactly(expected.close());
    }

    private static BarSeries market(int bars, long seed) {
        return SyntheticMarket.generate(SyntheticConfig.defaults("FULL", BarInterval.ONE_HOUR, bars, seed));
    }

    /** A run of one generation of 12 strategies in 2 batches, over a market of its own. */
    private BatchRef seedRun() {
        BarSeries series = market(3_000, 77).withLabels("SYNF", BarInterval.ONE_HOUR);
        SnapshotRef snapshot = SnapshotWriter.write(efs, series);
        long split = series.time()[2_000];
        DataSlice slice = new DataSlice(
                "SYNF", "1h", snapshot.snapshotId(), series.time()[0], split, split, series.time()[2_999] + 1);
        String runId = "full-" + UUID.randomUUID().toString().substring(0, 8);
        RunPlan plan = new RunPlan(
                runId,
                7,
                12,
                1,
                6,
                0,
                "sharpe",
                5,
                List.of(),
                List.of(),
                new ExecutionPlan("next-open", 1, 1, 10_000),
                List.of(slice));
        RunFiles files = new RunFiles(efs);
        files.writePlan(plan);
        Population population = Generations.seed(plan);
        files.writePopulation(population);
        Generations.batches(plan, population).forEach(files::writeBatch);
        return new BatchRef(runId, 0, 0);
    }

    private static String failed(Response response) {
        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        return body;
    }

    private static Response invoke(BatchRef ref) {
        return given().contentType(ContentType.JSON).body(ref).when().post();
    }
}
