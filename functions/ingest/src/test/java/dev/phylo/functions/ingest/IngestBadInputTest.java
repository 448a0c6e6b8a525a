package dev.phylo.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.function.InvalidRequestException;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.FunctionError;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: each case fails with its own message, and the tables are exactly as before (a clean ingest
 * of five bars is in place first, so "unchanged" is checked against real content, not an empty table).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class IngestBadInputTest {

    @TempDir
    static Path dir;

    @BeforeEach
    void baseline() {
        TestDatabase.reset();
        IngestFunctionTest.ok(IngestFunctionTest.request(Csv.write(dir, "good.csv", Csv.FIVE_DAYS), "ABC", "1d", null));
    }

    static Stream<Arguments> corpus() {
        String highBelowLow = Csv.FIVE_DAYS.replace(
                "2024-01-04T00:00:00Z,101.25,101.5,99.5,99.75,900", "2024-01-04T00:00:00Z,101.25,99.0,99.5,99.75,900");
        byte[] latin1 =
                (Csv.HEADER + "2024-01-09T00:00:00Z,1,2,0.5,1.5,10 caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of(
                        "strict: one bad row",
                        "abc.csv",
                        highBelowLow.getBytes(StandardCharsets.UTF_8),
                        "ABC",
                        "1d",
                        "line 4"),
                Arguments.of("missing file", null, null, "ABC", "1d", "does not exist"),
                Arguments.of(
                        "unknown format",
                        "abc.xlsx",
                        Csv.FIVE_DAYS.getBytes(StandardCharsets.UTF_8),
                        "ABC",
                        "1d",
                        "unknown format"),
                Arguments.of(
                        "bad symbol",
                        "abc.csv",
                        Csv.FIVE_DAYS.getBytes(StandardCharsets.UTF_8),
                        "AB C!",
                        "1d",
                        "bad symbol 'AB C!'"),
                Arguments.of(
                        "bad interval",
                        "abc.csv",
                        Csv.FIVE_DAYS.getBytes(StandardCharsets.UTF_8),
                        "ABC",
                        "7x",
                        "bad interval '7x'"),
                Arguments.of("not UTF-8", "abc.csv", latin1, "ABC", "1d", "not valid UTF-8"),
                Arguments.of(
                        "not gzip",
                        "abc.csv.gz",
                        Csv.FIVE_DAYS.getBytes(StandardCharsets.UTF_8),
                        "ABC",
                        "1d",
                        "not a valid gzip stream"),
                Arguments.of("truncated gzip", "abc.csv.gz", truncatedGzip(), "ABC", "1d", "not a valid gzip stream"),
                Arguments.of(
                        "header only",
                        "abc.csv",
                        Csv.HEADER.getBytes(StandardCharsets.UTF_8),
                        "ABC",
                        "1d",
                        "header only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rejectsWithItsOwnMessageAndWritesNothing(
            String name, String file, byte[] content, String symbol, String interval, String expected) {
        String marketData = TestDatabase.tableDigest("market_data");
        String files = TestDatabase.tableDigest("ingest_files");
        Path path = file == null ? dir.resolve("no-such-file.csv") : Csv.write(dir, file, content);

        Map<String, Object> request = IngestFunctionTest.request(path, symbol, interval, null);
        var response = IngestFunctionTest.invoke(request);

        assertThat(response.statusCode()).as(name).isNotEqualTo(200);
        assertThat(response.asString()).as(name).contains(expected);
        assertThat(FunctionError.of(response.asString()).thrownType())
                .as(name)
                .isEqualTo(InvalidRequestException.ERROR_TYPE);
        assertThat(TestDatabase.tableDigest("market_data")).as(name).isEqualTo(marketData);
        assertThat(TestDatabase.tableDigest("ingest_files")).as(name).isEqualTo(files);
        assertThat(TestDatabase.count("ingest_rejects")).as(name).isZero();
    }

    private static byte[] truncatedGzip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write((Csv.FIVE_DAYS
                                + Csv.FIVE_DAYS.substring(Csv.HEADER.length()).replace("2024-01", "2024-02"))
                        .getBytes(StandardCharsets.UTF_8));
            }
            byte[] all = out.toByteArray();
            return java.util.Arrays.copyOf(all, all.length / 2);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
