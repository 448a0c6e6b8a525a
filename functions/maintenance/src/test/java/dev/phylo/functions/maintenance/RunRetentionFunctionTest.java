package dev.phylo.functions.maintenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.FunctionError;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention of {@code runs/<runId>/} against a real database and a real folder as the EFS root: with a 30-day age,
 * each folder below is kept or removed for one reason, and the counts and bytes come from the files the test wrote.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class RunRetentionFunctionTest {

    private static final String REQUEST = "{\"maxAge\":\"P3650D\",\"runsMaxAge\":\"P30D\"";
    private static final Instant NOW = Instant.now();

    @TempDir
    Path outside;

    private Path runs;

    @BeforeEach
    void aRunsFolderWithOneCaseEach() throws IOException {
        TestDatabase.reset();
        runs = EfsResource.root().resolve("runs");
        clear(runs);
        // running for 400 days: its row says the state machine still needs the files, however old they are
        row("running-old", "running", 400, null);
        folder("running-old", 400, 10);
        // ended 40 days ago, files as old: goes (100 + 2000 bytes)
        row("ended-old", "succeeded", 60, 40);
        folder("ended-old", 40, 100, 2000);
        // ended 10 days ago: kept by its row, although its files are 40 days old
        row("ended-recent", "failed", 45, 10);
        folder("ended-recent", 40, 10);
        // ended 40 days ago, but a file was written 2 days ago: kept
        row("ended-old-touched", "cancelled", 50, 40);
        folder("ended-old-touched", 40, 10);
        Files.setLastModifiedTime(runs.resolve("ended-old-touched/gen-0000/file-0"), FileTime.from(daysAgo(2)));
        // no row, 40 days old: an orphan, goes (300 bytes)
        folder("orphan-old", 40, 300);
        // no row, but written to a day ago: something is using it, kept
        folder("orphan-new", 1, 10);
        // not a run id: never touched
        folder("Not_A_Run", 400, 10);
    }

    @Test
    void removesEndedAndOrphanedFoldersOlderThanTheAgeAndKeepsTheRest() {
        RetentionReport report =
                retention(REQUEST + "}").then().statusCode(200).extract().as(RetentionReport.class);

        RunsRetained result = report.runs();
        assertThat(report.dryRun()).isFalse();
        assertThat(result)
                .usingRecursiveComparison()
                .ignoringFields("cutoff")
                .isEqualTo(new RunsRetained(null, 6, 2, 1, 3, 100 + 2000 + 300, 1, 3, 1));
        assertThat(Duration.between(Instant.parse(result.cutoff()), Instant.now()))
                .isBetween(Duration.ofDays(30), Duration.ofDays(30).plusMinutes(5));
        assertThat(left())
                .containsExactly("Not_A_Run", "ended-old-touched", "ended-recent", "orphan-new", "running-old");
        assertThat(TestDatabase.count("runs"))
                .as("rows are the record: retention keeps them")
                .isEqualTo(4);
    }

    @Test
    void aDryRunCountsTheSameAndDeletesNothing() {
        List<String> before = left();

        RetentionReport report = retention(REQUEST + ",\"dryRun\":true}")
                .then()
                .statusCode(200)
                .extract()
                .as(RetentionReport.class);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.runs())
                .usingRecursiveComparison()
                .ignoringFields("cutoff")
                .isEqualTo(new RunsRetained(null, 6, 2, 1, 3, 100 + 2000 + 300, 1, 3, 1));
        assertThat(left()).isEqualTo(before);
    }

    @Test
    void aFolderThatCannotGoIsReportedAndTheOthersStillGo() throws IOException {
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(runs.resolve("orphan-link"), outside);

        Response response = retention(REQUEST + "}");

        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(FunctionError.of(body).thrownType())
                .as(body)
                .isEqualTo(RetentionIncompleteException.class.getName());
        assertThat(body)
                .contains("1 run folder(s)")
                .contains(runs.resolve("orphan-link").toString())
                .contains("symbolic link");
        assertThat(left()).doesNotContain("ended-old", "orphan-old").contains("orphan-link");
        assertThat(outside.resolve("precious.txt")).hasContent("keep me");
    }

    private static Response retention(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post();
    }

    private List<String> left() {
        try (Stream<Path> entries = Files.list(runs)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + runs, e);
        }
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static void row(String runId, String status, int createdDaysAgo, Integer finishedDaysAgo) {
        TestDatabase.execute(
                "INSERT INTO runs (run_id, config, seed, status, generations_planned, created_at, updated_at, "
                        + "finished_at) VALUES (?, '{}'::jsonb, 1, ?, 3, now() - make_interval(days => ?), "
                        + "now() - make_interval(days => ?), "
                        + "CASE WHEN ? THEN now() - make_interval(days => ?) END)",
                runId,
                status,
                createdDaysAgo,
                finishedDaysAgo == null ? createdDaysAgo : finishedDaysAgo,
                finishedDaysAgo != null,
                finishedDaysAgo == null ? 0 : finishedDaysAgo);
    }

    /** {@code runs/<name>/} with one file per size (the first in a generation folder), every entry as old as given. */
    private void folder(String name, int daysOld, int... sizes) throws IOException {
        Path dir = Files.createDirectories(runs.resolve(name).resolve("gen-0000"));
        for (int i = 0; i < sizes.length; i++) {
            Files.write((i == 0 ? dir : dir.getParent()).resolve("file-" + i), new byte[sizes[i]]);
        }
        try (Stream<Path> all = Files.walk(runs.resolve(name))) {
            for (Path p : all.toList()) {
                Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(FileTime.from(daysAgo(daysOld)), null, null);
            }
        }
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir);
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
