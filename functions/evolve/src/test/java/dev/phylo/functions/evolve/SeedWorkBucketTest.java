package dev.phylo.functions.evolve;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.MotoResource;
import dev.phylo.testkit.MotoServer;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In the cloud the batch list goes to the work bucket in S3 (here moto), where the Distributed Map reads it. */
@QuarkusTest
@TestProfile(SeedWorkBucketTest.WithWorkBucket.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
@QuarkusTestResource(MotoResource.class)
class SeedWorkBucketTest {

    static final String BUCKET = "phylo-work-moto";

    public static final class WithWorkBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phylo.work.bucket", BUCKET);
        }
    }

    @BeforeEach
    void reset() {
        TestDatabase.reset();
        MotoServer.reset();
        EfsLayout efs = new EfsLayout(EfsResource.root());
        SnapshotManifest.publish(
                efs,
                SnapshotWriter.write(
                        efs, SyntheticMarket.generate(SyntheticConfig.defaults("SYN", BarInterval.ONE_HOUR, 500, 3))));
    }

    @Test
    void seedWritesTheBatchListToTheWorkBucket() {
        MotoServer.s3().createBucket(b -> b.bucket(BUCKET));
        String runId = newRunId();

        GenerationRef ref = seed(runId).then().statusCode(200).extract().as(GenerationRef.class);

        assertThat(ref.batchList())
                .isEqualTo(new BatchList(BUCKET, "runs/" + runId + "/batches.json", "runs/" + runId + "/map-runs"));
        // 10 strategies in batches of 4: batches 0, 1, 2
        String items = MotoServer.s3()
                .getObjectAsBytes(b -> b.bucket(BUCKET).key(ref.batchList().key()))
                .asString(StandardCharsets.UTF_8);
        assertThat(items).isEqualTo("[{\"batch\":0},{\"batch\":1},{\"batch\":2}]");
    }

    @Test
    void aBucketThatCannotBeWrittenFailsTheSeedNamingTheObject() {
        // no bucket in moto: PutObject fails with NoSuchBucket
        String runId = newRunId();

        Response response = seed(runId);

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString())
                .contains("could not write the batch list to s3://" + BUCKET + "/runs/" + runId + "/batches.json");
    }

    private static Response seed(String runId) {
        return given().contentType(ContentType.JSON)
                .body("{\"runId\":\"" + runId + "\",\"symbols\":[\"SYN\"],\"populationSize\":10,\"batchSize\":4}")
                .when()
                .post();
    }

    private static String newRunId() {
        return "bucket-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
