package dev.phylo.store.internal;

import dev.phylo.store.DatabaseConfigException;
import java.net.URI;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/** Reads one secret string with AWS SDK v2 (URL-connection HTTP client: small and native-friendly). */
public final class SecretsManagerLookup {

    private SecretsManagerLookup() {}

    /**
     * @param endpoint optional endpoint override (moto in tests, a VPC endpoint in production)
     * @param region   optional; otherwise the SDK's chain ({@code AWS_REGION} on Lambda, or the region in the ARN)
     */
    public static String secretString(String arn, String endpoint, String region) {
        SecretsManagerClientBuilder builder =
                SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create());
        String effectiveRegion = region != null ? region : regionOf(arn);
        if (effectiveRegion != null) {
            builder.region(Region.of(effectiveRegion));
        }
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        try (SecretsManagerClient client = builder.build()) {
            String secret = client.getSecretValue(r -> r.secretId(arn)).secretString();
            if (secret == null) {
                throw new DatabaseConfigException("secret " + arn + " has no SecretString (binary secrets are not "
                        + "supported): store the Neon credentials as JSON");
            }
            return secret;
        } catch (SdkException e) {
            throw new DatabaseConfigException(
                    "could not read secret " + arn + " from Secrets Manager: " + e.getMessage(), e);
        }
    }

    /** {@code arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME}; null for a plain name. */
    static String regionOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 3 && parts[0].equals("arn") && !parts[3].isEmpty() ? parts[3] : null;
    }
}
