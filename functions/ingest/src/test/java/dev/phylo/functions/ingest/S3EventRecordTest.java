package dev.phylo.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.function.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** Hostile S3 event records are refused as invalid requests that say what is wrong, before anything reaches S3. */
class S3EventRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKeyThatIsNotUrlEncodedIsRefusedNamingTheBucketAndKey() throws Exception {
        assertThatThrownBy(() -> S3Objects.EventObject.of(record("{\"name\":\"b\"}", "\"raw/ORCL/1d/100%zz.csv\"", 5)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("bucket b")
                .hasMessageContaining("raw/ORCL/1d/100%zz.csv")
                .hasMessageContaining("is not URL-encoded");
    }

    @Test
    void aBucketWithoutANameOrANegativeSizeIsRefused() throws Exception {
        assertThatThrownBy(() -> S3Objects.EventObject.of(record("{}", "\"raw/ORCL/1d/a.csv\"", 5)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("without s3.bucket.name");
        assertThatThrownBy(() -> S3Objects.EventObject.of(record("{\"name\":\"b\"}", "\"raw/ORCL/1d/a.csv\"", -5)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("negative size -5");
    }

    @Test
    void aWellFormedRecordIsDecoded() throws Exception {
        S3Objects.EventObject named =
                S3Objects.EventObject.of(record("{\"name\":\"b\"}", "\"raw/ORCL/1d/orcl+2024%2B.csv\"", 5));
        assertThat(named.bucket()).isEqualTo("b");
        assertThat(named.key()).isEqualTo("raw/ORCL/1d/orcl 2024+.csv");
        assertThat(named.size()).isEqualTo(5L);
    }

    private static IngestInput.S3EventRecord record(String bucket, String key, long size) throws Exception {
        return JSON.readValue(
                "{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":" + bucket + ",\"object\":{\"key\":" + key
                        + ",\"size\":" + size + ",\"eTag\":\"e\"}}}",
                IngestInput.S3EventRecord.class);
    }
}
