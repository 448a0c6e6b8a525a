package dev.phylo.functions.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Copies a run's report out of EFS (reachable only inside the VPC) to {@code s3://<bucket>/reports/<runId>/<file>},
 * when {@code phylo.report.bucket} is set (the template sets {@code PHYLO_REPORT_BUCKET}; a local run leaves it
 * unset and the report stays on the local EFS folder). The objects are the EFS files byte for byte, so a replayed
 * step overwrites them with the same bytes.
 */
@ApplicationScoped
class ReportPublisher {

    static final String PREFIX = "reports/";

    private final Optional<String> bucket;
    private final Optional<String> endpoint;
    private final Optional<String> region;
    private S3Client s3;

    ReportPublisher(
            @ConfigProperty(name = "phylo.report.bucket") Optional<String> bucket,
            @ConfigProperty(name = "phylo.aws.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "phylo.aws.region") Optional<String> region) {
        this.bucket = bucket.map(String::trim).filter(b -> !b.isEmpty());
        this.endpoint = endpoint;
        this.region = region;
    }

    /** The {@code s3://} URI the file was written to, or empty when no bucket is configured. */
    Optional<String> publish(String runId, String fileName, byte[] content, String contentType) {
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        String key = PREFIX + runId + "/" + fileName;
        try {
            client().putObject(
                            b -> b.bucket(bucket.get()).key(key).contentType(contentType),
                            RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "could not copy the report to s3://" + bucket.get() + "/" + key + ": " + e.getMessage(), e);
        }
        return Optional.of("s3://" + bucket.get() + "/" + key);
    }

    private synchronized S3Client client() {
        if (s3 == null) {
            S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
            region.ifPresent(r -> builder.region(Region.of(r)));
            endpoint.ifPresent(e -> builder.endpointOverride(URI.create(e)).forcePathStyle(true));
            s3 = builder.build();
        }
        return s3;
    }
}
