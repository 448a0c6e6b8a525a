package dev.phylo.functions.evolve;

import dev.phylo.efs.AtomicFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Writes a run's {@link BatchList} to the work bucket ({@code phylo.work.bucket}; the template sets
 * {@code PHYLO_WORK_BUCKET}). A local run has no S3: {@code phylo.work.local-root} names the folder that stands in for
 * it, holding {@code <bucket>/<key>}, which the local state machine's ItemReader reads the same way. The bytes depend
 * only on the batch count, so a replayed seed rewrites the same object.
 */
@ApplicationScoped
class BatchLists {

    private final Optional<String> bucket;
    private final Optional<Path> localRoot;
    private final Optional<String> endpoint;
    private final Optional<String> region;
    private S3Client s3;

    BatchLists(
            @ConfigProperty(name = "phylo.work.bucket") Optional<String> bucket,
            @ConfigProperty(name = "phylo.work.local-root") Optional<Path> localRoot,
            @ConfigProperty(name = "phylo.aws.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "phylo.aws.region") Optional<String> region) {
        this.bucket = bucket.map(String::trim).filter(b -> !b.isEmpty());
        this.localRoot = localRoot;
        this.endpoint = endpoint;
        this.region = region;
    }

    /** Where the batch list of {@code runId} lives, as every generation's Distributed Map reads it. */
    BatchList of(String runId) {
        String name = bucket.orElseThrow(() -> new IllegalStateException("phylo.work.bucket (PHYLO_WORK_BUCKET) is "
                + "not set: the Distributed Map reads each run's batch list from that bucket"));
        String run = "runs/" + runId + "/";
        return new BatchList(name, run + "batches.json", run + "map-runs");
    }

    /** Writes the list of {@code count} batches of {@code runId}. */
    BatchList write(String runId, int count) {
        BatchList list = of(runId);
        byte[] content = items(count);
        if (localRoot.isPresent()) {
            AtomicFiles.write(localRoot.get().resolve(list.bucket()).resolve(list.key()), content);
            return list;
        }
        try {
            client().putObject(
                            b -> b.bucket(list.bucket()).key(list.key()).contentType("application/json"),
                            RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "could not write the batch list to s3://" + list.bucket() + "/" + list.key() + ": "
                            + e.getMessage(),
                    e);
        }
        return list;
    }

    /** {@code [{"batch":0},{"batch":1},...]}: one Distributed Map item per batch. */
    static byte[] items(int count) {
        StringBuilder json = new StringBuilder(16 * count + 2).append('[');
        for (int b = 0; b < count; b++) {
            json.append(b == 0 ? "" : ",").append("{\"batch\":").append(b).append('}');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
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
