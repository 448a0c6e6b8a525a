package dev.phylo.functions.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.testkit.EfsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** verify-full with hostname verification connects to the name on the certificate. */
@QuarkusTest
@TestProfile(VerifyFullTlsTest.Tls.class)
@QuarkusTestResource(
        value = TlsDatabaseResource.class,
        initArgs = @ResourceArg(name = "host", value = "localhost"),
        restrictToAnnotatedClass = true)
@QuarkusTestResource(EfsResource.class)
class VerifyFullTlsTest {

    public static class Tls implements QuarkusTestProfile {}

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.reactive.hostname-verification-algorithm")
    String hostnameVerification;

    @Test
    void connectsOverVerifiedTlsWhenTheHostMatchesTheCertificate() {
        boolean ssl = pool.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                .execute()
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getBoolean("ssl");

        assertThat(ssl).isTrue();
        assertThat(hostnameVerification).isEqualTo("HTTPS");
    }
}
