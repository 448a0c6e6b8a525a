package dev.phylo.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotReader;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.MotoResource;
import dev.phylo.testkit.MotoServer;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests of one pair at the same moment, as concurrent Lambda instances run them (one thread and one connection
 * each, released together by a barrier): files whose ranges overlap, and one S3 object delivered twice. No deadlock,
 * no bar lost or stored twice, every bar counted as inserted by exactly one ingest, one {@code ingest_files} row per
 * committed file, and the published snapshot equal to what the store holds.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
@QuarkusTestResource(MotoResource.class)
class IngestConcurrencyTest {

    @Inject
    IngestService ingest;

    @Inject
    ObjectMapper json;

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        TestDatabase.reset();
        MotoServer.reset();
        MotoServer.s3().createBucket(b -> b.bucket(IngestS3EventTest.BUCKET));
    }

    @Test
    void overlappingFilesOfOnePairIngestedAtOnceStoreEveryBarOnce() throws Exception {
        int files = 4;
        List<Callable<IngestOutput>> calls = new ArrayList<>();
        for (int k = 0; k < files; k++) {
            // file k: bars 250k .. 250k+599; neighbours overlap by 350 bars, and every file agrees on shared bars
            Path file = Csv.write(dir, "part" + k + ".csv", Csv.hourlyBars(250 * k, 600));
            calls.add(
                    () -> ingest.ingest(new IngestInput(null, file.toString(), "CONC", "1h", null, null, null, null)));
        }

        List<IngestOutput> outputs = all(calls);

        int union = 250 * (files - 1) + 600;
        assertThat(outputs)
                .allSatisfy(o -> assertThat(o.files().get(0).status()).isEqualTo("ingested"));
        assertThat(outputs.stream()
                        .mapToLong(o -> o.files().get(0).rowsInserted())
                        .sum())
                .as("each bar inserted by exactly one ingest")
                .isEqualTo(union);
        assertThat(outputs.stream()
                        .mapToLong(o -> o.files().get(0).rowsUpdated())
                        .sum())
                .isZero();
        assertThat(TestDatabase.count("market_data")).isEqualTo(union);
        assertThat(TestDatabase.count("ingest_files")).isEqualTo(files);
        storeAndSnapshotAgree(union);
    }

    @Test
    void oneS3ObjectDeliveredTwiceAtOnceIsStoredOnce() throws Exception {
        String key = "raw/TWICE/1h/twice.csv";
        byte[] content = Csv.hourlyBars(0, 800).getBytes(StandardCharsets.UTF_8);
        String etag = IngestS3EventTest.put(key, content).eTag();
        IngestInput event = json.readValue(IngestS3EventTest.event(key, etag, content.length), IngestInput.class);

        List<IngestOutput> outputs = all(List.of(() -> ingest.ingest(event), () -> ingest.ingest(event)));

        // one delivery writes; the other, waiting on the pair's lock, finds it recorded and skips (an S3 redelivery is
        // never applied twice: it could bring back values a later file replaced)
        assertThat(outputs.stream().map(o -> o.files().get(0).status()))
                .containsExactlyInAnyOrder("ingested", "duplicate");
        assertThat(outputs.stream()
                        .filter(o -> o.files().get(0).status().equals("ingested"))
                        .mapToLong(o -> o.files().get(0).rowsInserted())
                        .sum())
                .isEqualTo(800);
        assertThat(outputs.stream().map(o -> o.files().get(0).snapshotId()).distinct())
                .hasSize(1);
        assertThat(TestDatabase.count("market_data")).isEqualTo(800);
        assertThat(TestDatabase.count("ingest_files")).isEqualTo(1);
        assertThat(TestDatabase.query("SELECT rows_inserted FROM ingest_files").get(0))
                .containsEntry("rows_inserted", 800);
        storeAndSnapshotAgree("TWICE", 800);
    }

    /** Runs the calls at once (released together), failing on a deadlock or any ingest's error. */
    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void storeAndSnapshotAgree(int bars) {
        storeAndSnapshotAgree("CONC", bars);
    }

    private static void storeAndSnapshotAgree(String symbol, int bars) {
        EfsLayout efs = new EfsLayout(EfsResource.root());
        SnapshotRef latest =
                SnapshotManifest.latest(efs, symbol, BarInterval.ONE_HOUR).orElseThrow();
        BarSeries snapshot = SnapshotReader.load(efs, latest);
        assertThat(snapshot.time()).hasSize(bars);
        assertThat(snapshot.close()).containsExactly(Csv.stored(symbol, "close"));
        assertThat(snapshot.volume()).containsExactly(Csv.stored(symbol, "volume"));
        assertThat(snapshot.time())
                .containsExactly(TestDatabase.query(
                                "SELECT (extract(epoch FROM \"timestamp\") * 1000)::bigint AS t FROM market_data "
                                        + "WHERE symbol = ? ORDER BY \"timestamp\"",
                                symbol)
                        .stream()
                        .mapToLong(r -> ((Number) r.get("t")).longValue())
                        .toArray());
    }
}
