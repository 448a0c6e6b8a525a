package dev.phylo.functions.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.schema.Migrations;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.MotoServer;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * NEON_SECRET_ARN end to end: at start-up the config factory reads the secret from Secrets Manager (moto), and the
 * function reaches the database with it. No database URL is configured anywhere else.
 */
@QuarkusTest
@TestProfile(NeonSecretArnTest.FromSecret.class)
@QuarkusTestResource(value = NeonSecretArnTest.SecretResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(EfsResource.class)
class NeonSecretArnTest {

    /** Blanks any neon.database.url another test class's global resource sets, so only the ARN is left. */
    public static class FromSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("neon.database.url", "");
        }
    }

    /** A database only the secret names: reaching it proves the secret, not some other URL, was used. */
    static final String SECRET_DATABASE = "phylo_secret_" + Long.toHexString(System.nanoTime());

    /** Stores the test database's credentials as a Neon-style secret and hands the function only its ARN. */
    public static class SecretResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            TestDatabase.execute("CREATE DATABASE " + SECRET_DATABASE);
            DatabaseUrl db = TestDatabase.url().withDatabase(SECRET_DATABASE);
            Migrations.migrate(db);
            String json = "{\"host\":\"" + db.host() + "\",\"port\":" + db.port() + ",\"dbname\":\"" + db.database()
                    + "\",\"username\":\"" + db.user() + "\",\"password\":\"" + db.password()
                    + "\",\"sslmode\":\"disable\"}";
            try (SecretsManagerClient client = SecretsManagerClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                    .endpointOverride(URI.create(MotoServer.url()))
                    .build()) {
                String arn = client.createSecret(
                                r -> r.name("phylo/neon-" + System.nanoTime()).secretString(json))
                        .arn();
                return Map.of(
                        "neon.secret.arn",
                        arn,
                        "phylo.aws.endpoint",
                        MotoServer.url(),
                        "phylo.aws.region",
                        "us-east-1");
            }
        }

        @Override
        public void stop() {
            // the secret goes with moto
        }
    }

    @Test
    void connectsWithTheCredentialsFromTheSecret() {
        HealthReport report = given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .as(HealthReport.class);

        assertThat(report.status()).isEqualTo("UP");
        HealthReport.Check configuration = report.checks().stream()
                .filter(c -> c.name().equals("configuration"))
                .findFirst()
                .orElseThrow();
        assertThat(configuration.data().get("database").toString())
                .endsWith(":" + TestDatabase.url().port() + "/" + SECRET_DATABASE);
        assertThat(report.toString()).doesNotContain(TestDatabase.url().password());
    }
}
