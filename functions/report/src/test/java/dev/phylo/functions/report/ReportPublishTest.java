package dev.phylo.functions.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.efs.EfsLayout;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** The report leaves the VPC: with a report bucket configured, both files land in S3 (moto) byte for byte. */
@QuarkusTest
@TestProfile(ReportPublishTest.WithBucket.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
@QuarkusTestResource(MotoResource.class)
class ReportPublishTest {

    static final String BUCKET = "phylo-reports-test";

    public static final class WithBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phylo.report.bucket", BUCKET);
        }
    }

    private EfsLayout efs;

    @BeforeEach
    void reset() {
        TestDatabase.reset();
        MotoServer.reset();
        efs = new EfsLayout(EfsResource.root());
    }

    @Test
    void copiesBothFilesToTheReportBucketAndSaysWhere() throws Exception {
        MotoServer.s3().createBucket(b -> b.bucket(BUCKET));
        TestRuns.Run run = TestRuns.finished(efs, "published", true);
        String runId = run.plan().runId();

        ReportSummary summary = report(runId).then().statusCode(200).extract().as(ReportSummary.class);

        assertThat(summary.htmlUri()).isEqualTo("s3://" + BUCKET + "/reports/" + runId + "/report.html");
        assertThat(summary.jsonUri()).isEqualTo("s3://" + BUCKET + "/reports/" + runId + "/report.json");
        Path dir = efs.runDir(runId);
        ResponseBytes<GetObjectResponse> html =
                MotoServer.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/" + runId + "/report.html"));
        ResponseBytes<GetObjectResponse> json =
                MotoServer.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/" + runId + "/report.json"));
        assertThat(html.asByteArray()).isEqualTo(Files.readAllBytes(dir.resolve("report.html")));
        assertThat(html.response().contentType()).startsWith("text/html");
        assertThat(json.asByteArray()).isEqualTo(Files.readAllBytes(dir.resolve("report.json")));
        assertThat(json.response().contentType()).isEqualTo("application/json");
        assertThat(status(runId)).isEqualTo("succeeded");
    }

    @Test
    void aBucketThatCannotBeWrittenFailsTheStepBeforeTheRunIsMarkedSucceeded() {
        // no bucket in moto: PutObject fails with NoSuchBucket
        TestRuns.Run run = TestRuns.finished(efs, "unpublished", true);
        String runId = run.plan().runId();

        Response response = report(runId);

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString())
                .contains("could not copy the report to s3://" + BUCKET + "/reports/" + runId + "/report.html");
        assertThat(status(runId))
                .as("the Retry or the Catch decides; the run is not succeeded yet")
                .isEqualTo("running");
    }

    private static String status(String runId) {
        return (String) TestDatabase.query("SELECT status FROM runs WHERE run_id = ?", runId)
                .get(0)
                .get("status");
    }

    private static Response report(String runId) {
        return given().contentType(ContentType.JSON)
                .body(new RunRequest(runId))
                .when()
                .post();
    }
}
