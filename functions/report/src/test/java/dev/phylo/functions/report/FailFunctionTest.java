package dev.phylo.functions.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FailFunctionTest.ExportFail.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class FailFunctionTest {

    /** The same app, deployed as the fail function. */
    public static final class ExportFail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "fail");
        }
    }

    private static final String RUN = "fail-run-1";

    @BeforeEach
    void reset() {
        TestDatabase.reset();
    }

    @Test
    void recordsTheErrorAndItsCause() {
        insertRun(RUN);

        FailureRecorded out = fail(event("fail.json"));

        assertThat(out).isEqualTo(new FailureRecorded(RUN, true));
        Map<String, Object> row = row(RUN);
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat(row.get("error"))
                .isEqualTo("States.TaskFailed: batch 3 of 4 of fail-run-1 generation 0 has no "
                        + "result file: evaluate it first");
        assertThat(row.get("finished_at")).isNotNull();
    }

    @Test
    void aMissingCauseRecordsTheErrorAlone() {
        insertRun(RUN);

        FailureRecorded out = fail("{\"runId\":\"fail-run-1\",\"error\":\"States.Timeout\"}");

        assertThat(out.recorded()).isTrue();
        assertThat(row(RUN).get("error")).isEqualTo("States.Timeout");
        assertThat(row(RUN).get("status")).isEqualTo("failed");
    }

    @Test
    void aRunThatWasNeverSeededIsNotRecorded() {
        insertRun("other-run");
        String before = TestDatabase.tableDigest("runs");

        FailureRecorded out =
                fail("{\"runId\":\"never-seeded\",\"error\":\"dev.phylo.function.InvalidRequestException\","
                        + "\"cause\":\"no market data for SYN\"}");

        assertThat(out).isEqualTo(new FailureRecorded("never-seeded", false));
        assertThat(TestDatabase.tableDigest("runs")).isEqualTo(before);
        assertThat(TestDatabase.count("runs")).isEqualTo(1);
    }

    @Test
    void anInputWithoutAValidRunIdIsNotRecordedAndDoesNotFail() {
        assertThat(fail("{\"error\":\"States.TaskFailed\"}")).isEqualTo(new FailureRecorded(null, false));
        assertThat(fail("{\"runId\":\"Bad Id\",\"error\":\"x\",\"cause\":\"y\"}"))
                .isEqualTo(new FailureRecorded("Bad Id", false));
        assertThat(fail("{}")).isEqualTo(new FailureRecorded(null, false));
    }

    @Test
    void replayedFailureChangesNothing() {
        insertRun(RUN);
        String input = "{\"runId\":\"fail-run-1\",\"error\":\"Lambda.Unknown\",\"cause\":\"out of memory\"}";
        fail(input);
        String digest = TestDatabase.tableDigest("runs");

        FailureRecorded again = fail(input);

        assertThat(again.recorded()).isTrue();
        assertThat(TestDatabase.tableDigest("runs")).isEqualTo(digest);
    }

    @Test
    void anExecutionThatEndedWithoutACatchIsRecordedUnderTheRunIdOfItsInput() {
        insertRun(RUN);
        // what the EventBridge rule on the execution's status change sends: the execution name, and its input
        String event = "{\"runId\":\"console-execution-7\",\"error\":\"Execution TIMED_OUT\","
                + "\"cause\":\"the execution ended TIMED_OUT\",\"executionInput\":"
                + "\"{\\\"runId\\\":\\\"fail-run-1\\\",\\\"symbols\\\":[\\\"SYN\\\"]}\"}";

        FailureRecorded out = fail(event);

        assertThat(out).isEqualTo(new FailureRecorded(RUN, true));
        assertThat(row(RUN).get("status")).isEqualTo("failed");
        assertThat(row(RUN).get("error")).isEqualTo("Execution TIMED_OUT: the execution ended TIMED_OUT");
    }

    @Test
    void aSecondFailureOrALateSuccessDoesNotRewriteTheFirstEnd() {
        insertRun(RUN);
        fail("{\"runId\":\"fail-run-1\",\"error\":\"States.TaskFailed\",\"cause\":\"first\"}");
        String digest = TestDatabase.tableDigest("runs");

        fail("{\"runId\":\"fail-run-1\",\"error\":\"Execution ABORTED\"}");

        assertThat(TestDatabase.tableDigest("runs")).isEqualTo(digest);
        assertThat(row(RUN).get("error")).isEqualTo("States.TaskFailed: first");
    }

    /** A sample input from {@code src/test/resources/events}. */
    private static String event(String name) {
        try (InputStream in = FailFunctionTest.class.getClassLoader().getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no event fixture events/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void insertRun(String runId) {
        TestDatabase.execute(
                "INSERT INTO runs (run_id, config, seed, status, generations_planned) "
                        + "VALUES (?, '{}'::jsonb, 1, 'running', 3)",
                runId);
    }

    private static Map<String, Object> row(String runId) {
        return TestDatabase.query("SELECT status, error, finished_at FROM runs WHERE run_id = ?", runId)
                .get(0);
    }

    private static FailureRecorded fail(String json) {
        return given().contentType(ContentType.JSON)
                .body(json)
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .as(FailureRecorded.class);
    }
}
