package dev.phylo.functions.maintenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.telemetry.Emf;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every database-facing function emits the pool's counts once per invocation, from the store: here the retention
 * function, whose transactions run one after another, so it never holds more than one connection.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class PoolMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anInvocationEmitsOneLineWithThePeakHeldTheIdleAndNoFailures() throws Exception {
        TestDatabase.reset();
        List<String> lines;
        try (Emf.Tap tap = Emf.tap()) {
            given().contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post()
                    .then()
                    .statusCode(200);
            lines = tap.lines();
        }
        // the connections this JVM's pool holds open, as the server sees them
        long open = (Long) TestDatabase.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = "
                        + "current_database() AND application_name = 'vertx-pg-client'")
                .get(0)
                .get("n");

        List<JsonNode> pool = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            if (node.has("PoolActiveConnections")) {
                pool.add(node);
            }
        }
        assertThat(pool).as("%s", lines).hasSize(1);
        JsonNode line = pool.get(0);
        assertThat(line.path("_aws")
                        .path("CloudWatchMetrics")
                        .path(0)
                        .path("Namespace")
                        .asText())
                .isEqualTo("Phylo");
        assertThat(line.path("_aws")
                        .path("CloudWatchMetrics")
                        .path(0)
                        .path("Dimensions")
                        .toString())
                .isEqualTo("[[\"FunctionName\"]]");
        assertThat(line.path("FunctionName").asText()).isEqualTo("local");
        assertThat(line.path("PoolActiveConnections").asInt()).isEqualTo(1);
        assertThat(line.path("FailedConnections").asInt()).isZero();
        assertThat(open).isPositive();
        assertThat(line.path("PoolIdleConnections").asLong()).isEqualTo(open);
    }
}
