package dev.phylo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

class MotoServerTest {

    @BeforeEach
    void forgetEverything() {
        MotoServer.reset();
    }

    @Test
    void putsAndGetsAnObject() {
        S3Client s3 = MotoServer.s3();
        s3.createBucket(b -> b.bucket("phylo-market-data"));

        s3.putObject(
                p -> p.bucket("phylo-market-data").key("BTCUSD/1d.csv"),
                RequestBody.fromString("timestamp,open,high,low,close,volume\n", StandardCharsets.UTF_8));

        assertThat(s3.getObjectAsBytes(g -> g.bucket("phylo-market-data").key("BTCUSD/1d.csv"))
                        .asUtf8String())
                .isEqualTo("timestamp,open,high,low,close,volume\n");
    }

    @Test
    void resetForgetsBuckets() {
        MotoServer.s3().createBucket(b -> b.bucket("short-lived"));

        MotoServer.reset();

        assertThat(MotoServer.s3().listBuckets().buckets())
                .extracting(Bucket::name)
                .doesNotContain("short-lived");
    }

    @Test
    void motoResourceSetsEndpointAndRegionOnly() {
        assertThat(new MotoResource().start())
                .isEqualTo(Map.of("phylo.aws.endpoint", MotoServer.url(), "phylo.aws.region", "us-east-1"));
        assertThat(MotoServer.url()).startsWith("http://").doesNotEndWith("/");
    }
}
