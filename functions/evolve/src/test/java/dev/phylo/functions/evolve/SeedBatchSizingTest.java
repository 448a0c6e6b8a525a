package dev.phylo.functions.evolve;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.function.InvalidRequestException;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.FunctionError;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed sizes batches to fit evaluate's time budget, against an evaluate slowed to 1,000 strategy-bars/s with
 * 2 reserved executions. 3,000 hourly bars with 30 % held out leave 2,100 in-sample bars per strategy, and a batch
 * may take a third of evaluate's 90 s timeout: 30 s x 1,000 / 2,100 = 14 strategies at most.
 */
@QuarkusTest
@TestProfile(SeedBatchSizingTest.SlowEvaluate.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
@QuarkusTestResource(value = LocalBucketResource.class, restrictToAnnotatedClass = true)
class SeedBatchSizingTest {

    public static final class SlowEvaluate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "phylo.evaluate.strategy-bars-per-second", "1000",
                    "phylo.evaluate.memory-mb", "1769",
                    "phylo.evaluate.timeout-seconds", "90",
                    "phylo.evaluate.reserved-concurrency", "2");
        }
    }

    @BeforeEach
    void publishSnapshot() {
        TestDatabase.reset();
        EfsLayout efs = new EfsLayout(EfsResource.root());
        SnapshotManifest.publish(
                efs,
                SnapshotWriter.write(
                        efs,
                        SyntheticMarket.generate(SyntheticConfig.defaults("SYN", BarInterval.ONE_HOUR, 3_000, 5))));
    }

    @Test
    void aBatchSizeThatCannotFitIsRefusedUpFrontWithTheSizeThatWould() {
        String runId = newRunId();

        Response response = seed(runId, 30, 30, 4);

        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        // 30 x 2,100 / 1,000 = 63 s
        assertThat(body)
                .contains("batchSize 30 over 2,100 bars per strategy needs about 63 s per batch")
                .contains("more than the 30 s a batch may take")
                .contains("use batchSize <= 14");
        assertThat(FunctionError.of(body).thrownType()).isEqualTo(InvalidRequestException.ERROR_TYPE);
        assertThat(TestDatabase.count("runs")).isZero();
        assertThat(Files.exists(new EfsLayout(EfsResource.root()).runDir(runId)))
                .isFalse();
    }

    @Test
    void aBatchSizeThatFitsIsKept() {
        GenerationRef ref =
                seed(newRunId(), 30, 14, 2).then().statusCode(200).extract().as(GenerationRef.class);

        assertThat(ref.batchSize()).isEqualTo(14);
        assertThat(ref.batchCount()).isEqualTo(3);
    }

    @Test
    void leftOutTheSizeIsTwoBatchesPerEvaluatorButNeverMoreThanFits() {
        // 30 strategies, 4 evaluators asked for but 2 reserved: ceil(30 / (2 x 2)) = 8 per batch
        GenerationRef spread =
                seed(newRunId(), 30, null, 4).then().statusCode(200).extract().as(GenerationRef.class);
        assertThat(spread.maxConcurrency()).isEqualTo(2);
        assertThat(spread.batchSize()).isEqualTo(8);
        assertThat(spread.batchCount()).isEqualTo(4);

        // 60 strategies on 1 evaluator would be 30 per batch; 14 is the most that fits: 5 batches
        GenerationRef capped =
                seed(newRunId(), 60, null, 1).then().statusCode(200).extract().as(GenerationRef.class);
        assertThat(capped.maxConcurrency()).isEqualTo(1);
        assertThat(capped.batchSize()).isEqualTo(14);
        assertThat(capped.batchCount()).isEqualTo(5);
        assertThat(TestDatabase.query(
                                "SELECT (config->>'batchSize')::int AS batch FROM runs WHERE run_id = ?",
                                capped.runId())
                        .get(0))
                .containsEntry("batch", 14);
    }

    private static Response seed(String runId, int population, Integer batchSize, int maxConcurrency) {
        SeedRequest request = new SeedRequest(
                runId,
                List.of("SYN"),
                "1h",
                null,
                null,
                null,
                population,
                2,
                batchSize,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                maxConcurrency,
                null,
                null,
                null,
                null,
                null);
        return given().contentType(ContentType.JSON).body(request).when().post();
    }

    private static String newRunId() {
        return "size-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
