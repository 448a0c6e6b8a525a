package dev.phylo.functions.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.store.DatabaseConfigException;
import dev.phylo.store.NeonSettings;
import dev.phylo.testkit.MotoServer;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The store's Secrets Manager read ({@link NeonSettings#fromSecret}) against moto on loopback. It lives here, beside
 * {@link NeonSecretArnTest} (the same path end to end), because shared/ may not use the test kit that starts moto.
 */
class NeonSecretLookupTest {

    private static final String PASSWORD = "p@ss w/rd:%";

    @Test
    void readsTheSecretAndBuildsTheConnectionItsJsonDescribes() {
        String json = "{\"host\":\"ep-x-pooler.eu-central-1.aws.neon.tech\",\"port\":5432,\"dbname\":\"neondb\","
                + "\"username\":\"phylo\",\"password\":\"" + PASSWORD + "\"}";
        String arn;
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                .endpointOverride(URI.create(MotoServer.url()))
                .build()) {
            arn = client.createSecret(
                            r -> r.name("phylo/neon-" + System.nanoTime()).secretString(json))
                    .arn();
        }

        Map<String, String> p =
                NeonSettings.fromSecret(arn, MotoServer.url(), "us-east-1", 2).quarkusProperties();

        // what the JSON means is the store's own test (NeonSecretTest); here: the secret read back is that JSON
        assertThat(p).isEqualTo(NeonSettings.fromSecretJson(arn, json, 2).quarkusProperties());
        assertThat(p).containsEntry("quarkus.datasource.password", PASSWORD);
    }

    @Test
    void aMissingSecretIsAClearError() {
        assertThatThrownBy(() -> NeonSettings.fromSecret(
                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:nope", MotoServer.url(), "us-east-1", 2))
                .isInstanceOf(DatabaseConfigException.class)
                .hasMessageContaining("could not read secret");
    }
}
