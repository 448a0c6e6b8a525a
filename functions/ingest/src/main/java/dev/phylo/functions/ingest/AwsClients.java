package dev.phylo.functions.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 client: URL-connection HTTP (small, native-friendly), the SDK's default credentials and region (the
 * Lambda environment), with an optional endpoint override ({@code phylo.aws.endpoint}: moto in tests, path-style).
 */
@ApplicationScoped
class AwsClients {

    @Produces
    @ApplicationScoped
    S3Client s3(
            @ConfigProperty(name = "phylo.aws.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "phylo.aws.region") Optional<String> region) {
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        region.ifPresent(r -> builder.region(Region.of(r)));
        endpoint.ifPresent(e -> builder.endpointOverride(URI.create(e)).forcePathStyle(true));
        return builder.build();
    }
}
