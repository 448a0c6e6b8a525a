package dev.phylo.functions.maintenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.schema.MigrationResult;
import dev.phylo.store.SchemaVersion;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MigrateFunctionTest.ExportMigrate.class)
@QuarkusTestResource(PostgresResource.class)
class MigrateFunctionTest {

    /** The same app, deployed as the migrate function. */
    public static final class ExportMigrate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "migrate");
        }
    }

    @Test
    void migratingACurrentSchemaAppliesNothing() {
        String history = TestDatabase.tableDigest("flyway_schema_history");

        MigrationResult result = given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .as(MigrationResult.class);

        Object applied = TestDatabase.query("SELECT version FROM flyway_schema_history WHERE success "
                        + "ORDER BY installed_rank DESC LIMIT 1")
                .get(0)
                .get("version");
        assertThat(result.currentVersion()).isEqualTo(SchemaVersion.expected()).isEqualTo(applied);
        assertThat(result.previousVersion()).isEqualTo(SchemaVersion.expected());
        assertThat(result.applied()).isZero();
        assertThat(result.timescale())
                .isEqualTo(TestDatabase.query(
                                "SELECT EXISTS (SELECT 1 FROM pg_extension " + "WHERE extname = 'timescaledb') AS ts")
                        .get(0)
                        .get("ts"));
        assertThat(TestDatabase.tableDigest("flyway_schema_history")).isEqualTo(history);
    }
}
