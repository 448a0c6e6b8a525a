package dev.phylo.functions.evolve;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.efs.DataSlice;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.RunFiles;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.efs.WalkForwardPlan;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.FunctionError;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A walk-forward run's seed, through the mock Lambda event server: it plans K folds over K+1 equal windows of the
 * stored range, records the parent run, evolves nothing, and each fold's input seeds an ordinary run on exactly its
 * windows.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
@QuarkusTestResource(value = LocalBucketResource.class, restrictToAnnotatedClass = true)
class WalkForwardSeedTest {

    private static final int BARS = 3_000;
    private static final long HOUR = 3_600_000L;

    private RunFiles files;
    private long first;

    @BeforeEach
    void publishSnapshot() {
        TestDatabase.reset();
        EfsLayout efs = new EfsLayout(EfsResource.root());
        files = new RunFiles(efs);
        BarSeries series = SyntheticMarket.generate(SyntheticConfig.defaults("SYN", BarInterval.ONE_HOUR, BARS, 11));
        SnapshotRef snapshot = SnapshotWriter.write(efs, series);
        SnapshotManifest.publish(efs, snapshot);
        first = series.time()[0];
    }

    @Test
    void rollingFoldsTrainOnOneWindowAndTestOnTheNext() {
        String runId = newRunId();

        GenerationRef ref = invoke("{\"runId\":\"%s\",\"symbols\":[\"SYN\"],\"walkForward\":3,\"populationSize\":16}"
                        .formatted(runId))
                .then()
                .statusCode(200)
                .extract()
                .as(GenerationRef.class);

        // 3,000 hourly bars cut into 4 windows of 750 h; fold i trains on window i and tests on window i+1
        assertThat(ref.done()).isTrue();
        assertThat(ref.batchCount()).isZero();
        assertThat(ref.foldConcurrency()).isEqualTo(3); // default: every fold at once
        assertThat(ref.folds()).hasSize(3);
        for (int i = 1; i <= 3; i++) {
            SeedRequest fold = ref.folds().get(i - 1);
            assertThat(fold.runId()).isEqualTo(runId + "-f" + i);
            assertThat(fold.from()).isEqualTo(iso(first + (i - 1) * 750 * HOUR));
            assertThat(fold.testFrom()).isEqualTo(iso(first + i * 750 * HOUR));
            assertThat(fold.to()).isEqualTo(iso(first + (i + 1) * 750 * HOUR));
            assertThat(fold.walkForward()).isNull();
            assertThat(fold.populationSize()).isEqualTo(16);
        }
        WalkForwardPlan plan = files.findWalkForward(runId).orElseThrow();
        assertThat(plan.anchored()).isFalse();
        assertThat(plan.folds().get(2).testTo()).isEqualTo(first + 3_000 * HOUR);
        List<Map<String, Object>> rows = TestDatabase.query("SELECT status FROM runs WHERE run_id = ?", runId);
        assertThat(rows).singleElement().satisfies(r -> assertThat(r).containsEntry("status", "running"));
        assertThat(files.findPlan(runId)).as("the parent evolves nothing").isEmpty();

        // fold 2's input is an ordinary run cut exactly at its windows
        given().contentType(ContentType.JSON)
                .body(ref.folds().get(1))
                .when()
                .post()
                .then()
                .statusCode(200);
        DataSlice slice = files.readPlan(runId + "-f2").data().get(0);
        assertThat(slice.inSampleFrom()).isEqualTo(first + 750 * HOUR);
        assertThat(slice.inSampleTo()).isEqualTo(first + 1_500 * HOUR);
        assertThat(slice.outOfSampleFrom()).isEqualTo(first + 1_500 * HOUR);
        assertThat(slice.outOfSampleTo()).isEqualTo(first + 2_250 * HOUR);
    }

    @Test
    void anchoredFoldsAllTrainFromTheFirstBar() {
        String runId = newRunId();

        GenerationRef ref = invoke(("{\"runId\":\"%s\",\"symbols\":[\"SYN\"],\"walkForward\":2,\"anchored\":true,"
                                + "\"foldConcurrency\":1}")
                        .formatted(runId))
                .then()
                .statusCode(200)
                .extract()
                .as(GenerationRef.class);

        // 3 windows of 1,000 h
        assertThat(ref.foldConcurrency()).isEqualTo(1);
        assertThat(ref.folds()).extracting(SeedRequest::from).containsOnly(iso(first));
        assertThat(ref.folds())
                .extracting(SeedRequest::testFrom)
                .containsExactly(iso(first + 1_000 * HOUR), iso(first + 2_000 * HOUR));
        assertThat(files.findWalkForward(runId).orElseThrow().anchored()).isTrue();
    }

    @Test
    void badWalkForwardInputsAreRefusedBeforeAnythingIsWritten() {
        assertRejected("\"walkForward\":0", "walkForward = 0: expected 1..24 folds");
        assertRejected("\"walkForward\":2,\"testFrom\":\"2020-01-01\"", "no testFrom with walkForward");
        assertRejected("\"anchored\":true", "anchored = true: expected only with walkForward");
        // 200 hours in 5 windows: 40 bars each, fewer than a test needs
        assertRejected(
                "\"walkForward\":4,\"to\":\"" + iso(first + 200 * HOUR) + "\"",
                "would be cut into 5 windows of about 40 bars; each needs at least 50");
    }

    private void assertRejected(String fields, String message) {
        String runId = newRunId();
        Response response = invoke("{\"runId\":\"%s\",\"symbols\":[\"SYN\"],%s}".formatted(runId, fields));
        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(body).contains(message);
        assertThat(FunctionError.of(body).thrownType()).as(body).isEqualTo(InvalidRequestException.ERROR_TYPE);
        assertThat(TestDatabase.count("runs")).isZero();
        assertThat(files.findWalkForward(runId)).isEmpty();
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String newRunId() {
        return "wf-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response invoke(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post();
    }
}
