package dev.phylo.functions.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.testkit.EfsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The same server reached as 127.0.0.1: the certificate names only localhost, so verify-full refuses, and health is
 * DOWN with the database named but no password anywhere.
 */
@QuarkusTest
@TestProfile(VerifyFullWrongHostTest.WrongHost.class)
@QuarkusTestResource(
        value = TlsDatabaseResource.class,
        initArgs = @ResourceArg(name = "host", value = "127.0.0.1"),
        restrictToAnnotatedClass = true)
@QuarkusTestResource(EfsResource.class)
class VerifyFullWrongHostTest {

    public static class WrongHost implements QuarkusTestProfile {}

    @Inject
    Pool pool;

    @Test
    void refusesACertificateForAnotherHostName() {
        // Same server, same CA as VerifyFullTlsTest, which connects: only the host name differs.
        assertThatThrownBy(() -> pool.query("SELECT 1").execute().await().indefinitely())
                .satisfies(e -> assertThat(rootMessages(e)).contains("SSL handshake failed"));

        var response = given().contentType(ContentType.JSON).body("{}").when().post();
        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString()).contains("Phylo is not ready");
    }

    private static String rootMessages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append(" | ");
        }
        return sb.toString();
    }
}
