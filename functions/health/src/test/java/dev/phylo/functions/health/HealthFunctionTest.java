package dev.phylo.functions.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.store.SchemaVersion;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class HealthFunctionTest {

    @Test
    void reportsEveryCheckUpOnAMigratedDatabaseAndAWritableFolder() {
        HealthReport report = given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .as(HealthReport.class);

        assertThat(report.status()).isEqualTo("UP");
        assertThat(report.checks())
                .extracting(HealthReport.Check::name)
                .contains("efs", "schema", "storage", "configuration")
                .anyMatch(name -> name.toLowerCase().contains("reactive")
                        || name.toLowerCase().contains("database"));
        assertThat(report.checks()).allMatch(c -> c.status().equals("UP"));
        HealthReport.Check schema = report.checks().stream()
                .filter(c -> c.name().equals("schema"))
                .findFirst()
                .orElseThrow();
        assertThat(schema.data()).containsEntry("current", SchemaVersion.expected());
        HealthReport.Check storage = report.checks().stream()
                .filter(c -> c.name().equals("storage"))
                .findFirst()
                .orElseThrow();
        // the mode the migrate step reported for the same database
        assertThat(storage.data())
                .containsEntry(
                        "mode",
                        dev.phylo.testkit.TestDatabase.migration().storage().mode())
                .containsEntry(
                        "reason",
                        dev.phylo.testkit.TestDatabase.migration().storage().reason());
        HealthReport.Check configuration = report.checks().stream()
                .filter(c -> c.name().equals("configuration"))
                .findFirst()
                .orElseThrow();
        assertThat(configuration.data().toString())
                .doesNotContain("password")
                .doesNotContain(dev.phylo.testkit.TestDatabase.url().password());
    }
}
