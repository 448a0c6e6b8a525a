package dev.phylo.functions.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.telemetry.Emf;
import dev.phylo.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An unmounted shared folder makes the function fail, so the state machine stops before any work. */
@QuarkusTest
@TestProfile(HealthDownTest.Unmounted.class)
@QuarkusTestResource(PostgresResource.class)
class HealthDownTest {

    public static class Unmounted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phylo.efs.root", "/nonexistent/phylo-efs");
        }
    }

    @Test
    void failsNamingTheCheckThatIsDown() {
        io.restassured.response.Response response;
        List<String> lines;
        try (Emf.Tap tap = Emf.tap()) {
            response = given().contentType(ContentType.JSON).body("{}").when().post();
            lines = tap.lines();
        }

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString())
                .contains("Phylo is not ready")
                .contains("efs")
                .contains("/nonexistent/phylo-efs");
        assertThat(EmfLines.single(lines, "EfsMountHealthy")
                        .path("EfsMountHealthy")
                        .asInt())
                .isZero();
        assertThat(EmfLines.any(lines, "EfsStorageUsedBytes")).isFalse();
    }
}
