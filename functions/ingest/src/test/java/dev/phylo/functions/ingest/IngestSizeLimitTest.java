package dev.phylo.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** phylo.ingest.max-bytes bounds the object and, for gzip, what it inflates to. */
@QuarkusTest
@TestProfile(IngestSizeLimitTest.SmallLimit.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class IngestSizeLimitTest {

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phylo.ingest.max-bytes", "300");
        }
    }

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        TestDatabase.reset();
    }

    @Test
    void anOversizedFileIsRefusedBeforeReading() {
        String big =
                Csv.FIVE_DAYS + Csv.FIVE_DAYS.substring(Csv.HEADER.length()).replace("2024-01", "2024-02");

        var response = IngestFunctionTest.invoke(
                IngestFunctionTest.request(Csv.write(dir, "big.csv", big), "ABC", "1d", null));

        assertThat(response.asString()).contains("over the limit phylo.ingest.max-bytes=300");
        assertThat(TestDatabase.count("market_data")).isZero();
    }

    @Test
    void aSmallGzipThatInflatesPastTheLimitIsRefused() throws IOException {
        StringBuilder rows = new StringBuilder(Csv.HEADER);
        for (int day = 1; day <= 28; day++) {
            rows.append("2024-02-%02dT00:00:00Z,1.0,2.0,0.5,1.5,10\n".formatted(day));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(rows.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(out.size()).isLessThan(300);

        var response = IngestFunctionTest.invoke(
                IngestFunctionTest.request(Csv.write(dir, "bomb.csv.gz", out.toByteArray()), "ABC", "1d", null));

        assertThat(response.asString()).contains("over the limit phylo.ingest.max-bytes=300 bytes once uncompressed");
        assertThat(TestDatabase.count("market_data")).isZero();
    }
}
