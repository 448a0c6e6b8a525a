package dev.phylo.functions.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotReader;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Direct requests on local files: the path local runs take. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class IngestFunctionTest {

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        TestDatabase.reset();
    }

    @Test
    void ingestsAFileIntoMarketDataAndASnapshot() {
        Path file = Csv.write(dir, "abc.csv", Csv.FIVE_DAYS);

        IngestOutput out = ok(request(file, "ABC", "1d", null));

        IngestOutput.FileOutcome f = out.files().get(0);
        assertThat(f.status()).isEqualTo("ingested");
        assertThat(f.rowsInserted()).isEqualTo(5);
        assertThat(f.rowsUpdated() + f.rowsUnchanged() + f.rowsRejected()).isZero();
        assertThat(f.bucket()).isEqualTo("file");
        assertThat(f.version()).startsWith("sha256:");
        // decimals arrive exactly as written in the file
        assertThat(TestDatabase.query("SELECT close::text AS c FROM market_data WHERE symbol = 'ABC' "
                        + "AND interval = '1d' ORDER BY \"timestamp\""))
                .extracting(r -> r.get("c"))
                .containsExactly("100.50000000", "101.25000000", "99.75000000", "102.00000000", "103.12500000");
        assertThat(TestDatabase.query("SELECT source FROM market_data LIMIT 1")
                        .get(0)
                        .get("source"))
                .isEqualTo("file:" + file.toAbsolutePath());

        EfsLayout efs = new EfsLayout(EfsResource.root());
        SnapshotRef latest =
                SnapshotManifest.latest(efs, "ABC", BarInterval.ONE_DAY).orElseThrow();
        assertThat(latest.snapshotId()).isEqualTo(f.snapshotId());
        BarSeries snapshot = SnapshotReader.load(efs, latest);
        assertThat(snapshot.close()).containsExactly(100.5, 101.25, 99.75, 102, 103.125);
        assertThat(snapshot.time()[0])
                .isEqualTo(java.time.Instant.parse("2024-01-02T00:00:00Z").toEpochMilli());
        assertThat(TestDatabase.count("ingest_files")).isEqualTo(1);
    }

    @Test
    void snapshotsHoldExactlyWhatTheDatabaseStoresOnBothWritePaths() {
        // more than 8 decimals, half-way cases and volumes past 2^53 / 1e8: numeric(20,8) rounds them
        String first = Csv.HEADER
                + "2024-01-02T00:00:00Z,1.123456789,2.000000005,0.000000015,1.5,12345678901.5\n"
                + "2024-01-03T00:00:00Z,1.5,1.999999995,1.1,1.25,98765432.123456789\n";
        String later = Csv.HEADER + "2024-01-04T00:00:00Z,1.25,1.333333333,1.2,1.3,0.000000005\n";
        EfsLayout efs = new EfsLayout(EfsResource.root());

        ok(request(Csv.write(dir, "first.csv", first), "DEC", "1d", null)); // empty pair: no read-back
        BarSeries fromFile = SnapshotReader.load(
                efs, SnapshotManifest.latest(efs, "DEC", BarInterval.ONE_DAY).orElseThrow());
        assertThat(fromFile.open()).containsExactly(Csv.stored("DEC", "open"));
        assertThat(fromFile.high()).containsExactly(Csv.stored("DEC", "high"));
        assertThat(fromFile.low()).containsExactly(Csv.stored("DEC", "low"));
        assertThat(fromFile.close()).containsExactly(Csv.stored("DEC", "close"));
        assertThat(fromFile.volume()).containsExactly(Csv.stored("DEC", "volume"));

        ok(request(Csv.write(dir, "later.csv", later), "DEC", "1d", null)); // stored pair: read back
        BarSeries readBack = SnapshotReader.load(
                efs, SnapshotManifest.latest(efs, "DEC", BarInterval.ONE_DAY).orElseThrow());
        assertThat(readBack.high()).containsExactly(Csv.stored("DEC", "high"));
        assertThat(readBack.volume()).containsExactly(Csv.stored("DEC", "volume"));
        assertThat(java.util.Arrays.copyOf(readBack.low(), 2)).containsExactly(fromFile.low());
    }

    @Test
    void aSecondDeliveryOfTheSameFileIsSkippedAndChangesNothing() {
        Path file = Csv.write(dir, "abc.csv", Csv.FIVE_DAYS);
        IngestOutput first = ok(request(file, "ABC", "1d", null));
        String marketData = TestDatabase.tableDigest("market_data");
        String files = TestDatabase.tableDigest("ingest_files");

        IngestOutput second = ok(request(file, "ABC", "1d", null));

        assertThat(second.files().get(0).status()).isEqualTo("duplicate");
        assertThat(second.files().get(0).snapshotId())
                .isEqualTo(first.files().get(0).snapshotId());
        assertThat(TestDatabase.tableDigest("market_data")).isEqualTo(marketData);
        assertThat(TestDatabase.tableDigest("ingest_files")).isEqualTo(files);
    }

    @Test
    void aFileAskedForAgainAfterAnotherReplacedItsRowsIsIngestedAgainSoTheStoreHoldsIt() {
        // phylo run --seed 3 then phylo run --seed 42 on the same symbols: the second run must see its own data
        String other = Csv.FIVE_DAYS.replace(",103.125,", ",102.5,");
        Path mine = Csv.write(dir, "mine.csv", Csv.FIVE_DAYS);
        IngestOutput.FileOutcome first =
                ok(request(mine, "ABC", "1d", null)).files().get(0);
        ok(request(Csv.write(dir, "other.csv", other), "ABC", "1d", null));
        assertThat(closeOn("2024-01-08")).isEqualTo("102.50000000");

        IngestOutput.FileOutcome again =
                ok(request(mine, "ABC", "1d", null)).files().get(0);

        assertThat(again.status()).isEqualTo("ingested");
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(List.of(again.rowsInserted(), again.rowsUpdated(), again.rowsUnchanged()))
                .containsExactly(0L, 1L, 4L);
        assertThat(closeOn("2024-01-08")).isEqualTo("103.12500000");
        EfsLayout efs = new EfsLayout(EfsResource.root());
        SnapshotRef latest =
                SnapshotManifest.latest(efs, "ABC", BarInterval.ONE_DAY).orElseThrow();
        assertThat(latest.snapshotId()).isEqualTo(first.snapshotId()).isEqualTo(again.snapshotId());
        assertThat(SnapshotReader.load(efs, latest).close()).containsExactly(100.5, 101.25, 99.75, 102, 103.125);
        // its ingest_files row now says what the second pass did; asked a third time it is current: a duplicate
        assertThat(TestDatabase.query("SELECT rows_updated FROM ingest_files WHERE key LIKE '%mine.csv'")
                        .get(0)
                        .get("rows_updated"))
                .isEqualTo(1);
        String files = TestDatabase.tableDigest("ingest_files");
        assertThat(ok(request(mine, "ABC", "1d", null)).files().get(0).status()).isEqualTo("duplicate");
        assertThat(TestDatabase.tableDigest("ingest_files")).isEqualTo(files);
    }

    private static String closeOn(String day) {
        return (String) TestDatabase.query("SELECT close::text AS c FROM market_data WHERE symbol = 'ABC' AND "
                        + "\"timestamp\" = '" + day + "T00:00:00Z'")
                .get(0)
                .get("c");
    }

    @Test
    void anEditedFileIsANewVersionWhoseRowsAreCountedAsNewChangedOrUnchanged() {
        ok(request(Csv.write(dir, "abc.csv", Csv.FIVE_DAYS), "ABC", "1d", null));
        String edited = Csv.FIVE_DAYS.replace(
                        "2024-01-08T00:00:00Z,102.0,103.5,101.5,103.125,1300",
                        "2024-01-08T00:00:00Z,102.0,103.5,101.5,103.25,1300")
                + "2024-01-09T00:00:00Z,103.25,104.0,103.0,103.5,800\n";

        IngestOutput.FileOutcome f = ok(request(Csv.write(dir, "abc.csv", edited), "ABC", "1d", null))
                .files()
                .get(0);

        assertThat(f.status()).isEqualTo("ingested");
        assertThat(List.of(f.rowsInserted(), f.rowsUpdated(), f.rowsUnchanged()))
                .containsExactly(1L, 1L, 4L);
        assertThat(TestDatabase.count("market_data")).isEqualTo(6);
        assertThat(TestDatabase.count("ingest_files")).isEqualTo(2);
    }

    @Test
    void lenientModeWritesTheGoodRowsAndKeepsEachReject() {
        String withBadRows = Csv.HEADER
                + "2024-01-02T00:00:00Z,100.0,101.0,99.0,100.5,1000\n"
                + "2024-01-03T00:00:00Z,100.5,99.0,100.0,101.25,1100\n" // high below low: line 3
                + "2024-01-04T00:00:00Z,101.25,101.5,99.5,99.75,900\n"
                + "2024-01-05T00:00:00Z,99.75,102.5,99.5,abc,1200\n"; // close not a number: line 5

        IngestOutput.FileOutcome f = ok(request(Csv.write(dir, "abc.csv", withBadRows), "ABC", "1d", "lenient"))
                .files()
                .get(0);

        assertThat(f.rowsInserted()).isEqualTo(2);
        assertThat(f.rowsRejected()).isEqualTo(2);
        assertThat(f.rejects()).extracting(IngestOutput.Reject::line).containsExactly(3L, 5L);
        assertThat(TestDatabase.query("SELECT line FROM ingest_rejects ORDER BY line"))
                .extracting(r -> r.get("line"))
                .containsExactly(3, 5);
        assertThat(TestDatabase.count("market_data")).isEqualTo(2);
    }

    static Map<String, Object> request(Path file, String symbol, String interval, String mode) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("uri", file.toString());
        body.put("symbol", symbol);
        body.put("interval", interval);
        if (mode != null) {
            body.put("mode", mode);
        }
        return body;
    }

    static IngestOutput ok(Object body) {
        return invoke(body).then().statusCode(200).extract().as(IngestOutput.class);
    }

    static Response invoke(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post();
    }
}
