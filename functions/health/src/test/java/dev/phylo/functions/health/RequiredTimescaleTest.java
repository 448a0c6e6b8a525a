package dev.phylo.functions.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With phylo.db.require-timescaledb, plain tables make Phylo not ready, and health says why. */
@QuarkusTest
@TestProfile(RequiredTimescaleTest.Required.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class RequiredTimescaleTest {

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phylo.db.require-timescaledb", "true");
        }
    }

    @Test
    void plainTablesAreDownNamingTheReason() {
        assumeFalse(
                TestDatabase.migration().timescale(),
                "the test server's tables are hypertables: nothing to refuse here");

        var response = given().contentType(ContentType.JSON).body("{}").when().post();

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString())
                .contains("Phylo is not ready")
                .contains("storage")
                .contains(TestDatabase.migration().storage().reason());
    }
}
