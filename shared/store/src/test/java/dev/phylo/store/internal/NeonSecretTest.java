package dev.phylo.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.store.DatabaseConfigException;
import dev.phylo.store.NeonSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Neon secret's JSON becomes the datasource. Reading it from Secrets Manager (moto) is tested in the health
 * function's {@code NeonSecretLookupTest}: shared/ may not use the test kit that starts moto.
 */
class NeonSecretTest {

    private static final String PASSWORD = "p@ss w/rd:%";

    @Test
    void aSecretBecomesTheConnectionWithItsPasswordUnchanged() {
        Map<String, String> p = NeonSettings.fromSecretJson(
                        "arn:x",
                        "{\"host\":\"ep-x-pooler.eu-central-1.aws.neon.tech\",\"port\":5432,\"dbname\":\"neondb\","
                                + "\"username\":\"phylo\",\"password\":\"" + PASSWORD + "\"}",
                        2)
                .quarkusProperties();

        assertThat(p)
                .containsEntry("quarkus.datasource.password", PASSWORD)
                .containsEntry("quarkus.datasource.username", "phylo")
                .containsEntry(
                        "quarkus.datasource.reactive.url",
                        "postgresql://ep-x-pooler.eu-central-1.aws.neon.tech:5432/neondb")
                .containsEntry("quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full")
                .containsEntry("quarkus.datasource.reactive.postgresql.use-layer7-proxy", "true");
    }

    @Test
    void theSecretsSslModeAndOptionsCarryOver() {
        NeonSecret secret = NeonSecret.parse(
                "arn:x",
                "{\"host\":\"db.internal\",\"port\":6432,\"dbname\":\"neondb\","
                        + "\"username\":\"phylo\",\"password\":\"pw\",\"sslmode\":\"require\","
                        + "\"options\":\"endpoint=ep-cool-darkness-123456\"}");

        assertThat(secret.url().params())
                .containsExactly(
                        Map.entry("sslmode", "require"), Map.entry("options", "endpoint=ep-cool-darkness-123456"));
        assertThat(NeonSettings.of(secret.url(), 2).quarkusProperties())
                .containsEntry("quarkus.datasource.reactive.postgresql.ssl-mode", "require")
                .containsEntry(
                        "quarkus.datasource.reactive.url",
                        "postgresql://db.internal:6432/neondb?options=endpoint%3Dep-cool-darkness-123456");
    }

    @Test
    void aMissingFieldOrBadJsonIsAClearErrorWithoutTheSecretText() {
        assertThatThrownBy(() -> NeonSecret.parse("arn:x", "{\"host\":\"h\",\"dbname\":\"d\",\"username\":\"u\"}"))
                .isInstanceOf(DatabaseConfigException.class)
                .hasMessageContaining("lacks 'password'");
        assertThatThrownBy(() -> NeonSecret.parse("arn:x", "password=" + PASSWORD))
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> NeonSecret.parse(
                        "arn:x",
                        "{\"host\":\"h\",\"port\":70000,\"dbname\":\"d\"," + "\"username\":\"u\",\"password\":\""
                                + PASSWORD + "\"}"))
                .hasMessageContaining("port must be 1..65535")
                .hasMessageNotContaining(PASSWORD);
    }
}
