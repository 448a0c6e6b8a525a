package dev.phylo.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.MotoResource;
import dev.phylo.testkit.MotoServer;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** The S3 path: a real S3 ObjectCreated event JSON for objects in a moto bucket on loopback. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
@QuarkusTestResource(MotoResource.class)
class IngestS3EventTest {

    static final String BUCKET = "phylo-raw";

    @BeforeEach
    void clean() {
        TestDatabase.reset();
        MotoServer.reset();
        MotoServer.s3().createBucket(b -> b.bucket(BUCKET));
    }

    @Test
    void ingestsTheObjectNamedByTheEventAndTakesSymbolAndIntervalFromTheKey() {
        String key = "raw/ORCL/1d/orcl 2024.csv"; // a space: the event carries the key URL-encoded
        PutObjectResponse put = put(key, Csv.FIVE_DAYS.getBytes(StandardCharsets.UTF_8));

        IngestOutput out = IngestFunctionTest.ok(event(key, put.eTag(), Csv.FIVE_DAYS.length()));

        IngestOutput.FileOutcome f = out.files().get(0);
        assertThat(f.status()).isEqualTo("ingested");
        assertThat(f.bucket()).isEqualTo(BUCKET);
        assertThat(f.key()).isEqualTo(key);
        assertThat(f.version()).isEqualTo("etag:" + put.eTag().replace("\"", ""));
        assertThat(f.symbol()).isEqualTo("ORCL");
        assertThat(f.interval()).isEqualTo("1d");
        assertThat(f.rowsInserted()).isEqualTo(5);
        assertThat(TestDatabase.query("SELECT count(*) AS n FROM market_data WHERE symbol = 'ORCL'")
                        .get(0)
                        .get("n"))
                .isEqualTo(5L);
    }

    @Test
    void aRedeliveredEventIsRecognisedAndChangesNothing() {
        String key = "raw/ORCL/1d/orcl.csv.gz";
        byte[] gz = gzip(Csv.FIVE_DAYS);
        PutObjectResponse put = put(key, gz);
        String event = event(key, put.eTag(), gz.length);
        IngestFunctionTest.ok(event);
        String marketData = TestDatabase.tableDigest("market_data");
        String files = TestDatabase.tableDigest("ingest_files");

        IngestOutput again = IngestFunctionTest.ok(event);

        assertThat(again.files().get(0).status()).isEqualTo("duplicate");
        assertThat(TestDatabase.tableDigest("market_data")).isEqualTo(marketData);
        assertThat(TestDatabase.tableDigest("ingest_files")).isEqualTo(files);
    }

    @Test
    void aRedeliveredEventAfterALaterFileStaysADuplicateAndDoesNotBringOldValuesBack() {
        String key = "raw/ORCL/1d/orcl.csv";
        PutObjectResponse put = put(key, Csv.FIVE_DAYS.getBytes(StandardCharsets.UTF_8));
        String event = event(key, put.eTag(), Csv.FIVE_DAYS.length());
        IngestFunctionTest.ok(event);
        String later = Csv.FIVE_DAYS.replace(",103.125,", ",102.5,");
        String laterKey = "raw/ORCL/1d/orcl-corrected.csv";
        PutObjectResponse laterPut = put(laterKey, later.getBytes(StandardCharsets.UTF_8));
        IngestFunctionTest.ok(event(laterKey, laterPut.eTag(), later.length()));
        String marketData = TestDatabase.tableDigest("market_data");

        IngestOutput again = IngestFunctionTest.ok(event);

        assertThat(again.files().get(0).status()).isEqualTo("duplicate");
        assertThat(TestDatabase.tableDigest("market_data")).isEqualTo(marketData);
    }

    @Test
    void metadataNamesSymbolAndIntervalWhenTheKeyDoesNot() {
        String key = "uploads/eurusd.csv";
        PutObjectResponse put = MotoServer.s3()
                .putObject(
                        b -> b.bucket(BUCKET).key(key).metadata(Map.of("symbol", "EUR/USD", "interval", "1h")),
                        RequestBody.fromString(Csv.FIVE_DAYS.replace("T00:", "T0" + "0:")));

        IngestOutput.FileOutcome f = IngestFunctionTest.ok(event(key, put.eTag(), Csv.FIVE_DAYS.length()))
                .files()
                .get(0);

        assertThat(f.symbol()).isEqualTo("EUR/USD");
        assertThat(f.interval()).isEqualTo("1h");
    }

    @Test
    void aMissingObjectIsAClearError() {
        var response = IngestFunctionTest.invoke(event("raw/ORCL/1d/gone.csv", null, 10));

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.asString()).contains("s3://" + BUCKET + "/raw/ORCL/1d/gone.csv does not exist");
        assertThat(TestDatabase.count("market_data")).isZero();
    }

    @Test
    void aDirectRequestCanNameAnS3Uri() {
        put("any/where/abc.csv", Csv.FIVE_DAYS.getBytes(StandardCharsets.UTF_8));

        IngestOutput.FileOutcome f = IngestFunctionTest.ok(
                        Map.of("uri", "s3://" + BUCKET + "/any/where/abc.csv", "symbol", "ABC", "interval", "1d"))
                .files()
                .get(0);

        assertThat(f.rowsInserted()).isEqualTo(5);
        assertThat(f.version()).startsWith("etag:");
    }

    static PutObjectResponse put(String key, byte[] content) {
        return MotoServer.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
    }

    /** The fixture event with bucket, key (URL-encoded as S3 sends it), size and ETag filled in. */
    static String event(String key, String eTag, long size) {
        try (InputStream in = IngestS3EventTest.class.getResourceAsStream("/events/s3-object-created.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
            json = json.replace("\"BUCKET\"", "\"" + BUCKET + "\"")
                    .replace("arn:aws:s3:::BUCKET", "arn:aws:s3:::" + BUCKET)
                    .replace("\"KEY\"", "\"" + encoded + "\"")
                    .replace("\"size\": 0", "\"size\": " + size);
            return json.replace(
                    "\"eTag\": \"ETAG\"",
                    eTag == null
                            ? "\"eTag\": \"0123456789abcdef0123456789abcdef\""
                            : "\"eTag\": \"" + eTag.replace("\"", "") + "\"");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
