package dev.phylo.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotReader;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.testkit.ConnectionCut;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest's connection cut while its transaction writes market_data (the backend terminated, as a dropped
 * connection or a Neon compute restart ends it): the transaction rolls back whole, the retry writes the file once,
 * and the store, the file's record and the snapshot agree: every bar of the file, none twice.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class IngestConnectionCutTest {

    private static final int BARS = 2_000;

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        TestDatabase.reset();
    }

    @Test
    void aConnectionCutMidWriteIsRetriedAndLeavesExactlyTheFile() throws Exception {
        ingestCutOnce("fresh.csv", 0); // an empty pair: the bulk path
    }

    @Test
    void aConnectionCutMidMergeOverStoredBarsIsRetriedAndLeavesExactlyTheFile() throws Exception {
        IngestFunctionTest.ok(
                IngestFunctionTest.request(Csv.write(dir, "first.csv", Csv.hourlyBars(0, 500)), "CUT", "1h", null));
        ingestCutOnce("overlap.csv", 250); // overlaps the stored bars: the merge path
    }

    private void ingestCutOnce(String name, int firstBar) throws Exception {
        Path file = Csv.write(dir, name, Csv.hourlyBars(firstBar, BARS));
        int cutPid;
        CompletableFuture<IngestOutput> ingest;
        try (ConnectionCut cut = ConnectionCut.lockAgainstWriters("market_data")) {
            ingest = CompletableFuture.supplyAsync(
                    () -> IngestFunctionTest.ok(IngestFunctionTest.request(file, "CUT", "1h", null)));
            cutPid = cut.cutBlocked(Duration.ofSeconds(60));
        }
        IngestOutput.FileOutcome f = ingest.join().files().get(0);

        assertThat(cutPid).isPositive();
        assertThat(f.status()).isEqualTo("ingested");
        long expected = firstBar + BARS; // the file's bars and, before them, those stored earlier
        assertThat(f.rowsInserted()).isEqualTo(firstBar == 0 ? BARS : BARS - 250);
        assertThat(f.rowsUnchanged()).isEqualTo(firstBar == 0 ? 0 : 250);
        assertThat(TestDatabase.count("market_data")).isEqualTo(expected);
        assertThat(TestDatabase.query("SELECT count(DISTINCT \"timestamp\") AS n FROM market_data")
                        .get(0)
                        .get("n"))
                .isEqualTo(expected);
        // the file's record: one, for the write that committed
        List<Map<String, Object>> files =
                TestDatabase.query("SELECT count(*) AS n FROM ingest_files WHERE key LIKE ?", "%" + name);
        assertThat(files.get(0).get("n")).isEqualTo(1L);
        // the snapshot holds what the store holds, bar for bar
        EfsLayout efs = new EfsLayout(EfsResource.root());
        SnapshotRef latest =
                SnapshotManifest.latest(efs, "CUT", BarInterval.parse("1h")).orElseThrow();
        assertThat(latest.snapshotId()).isEqualTo(f.snapshotId());
        BarSeries snapshot = SnapshotReader.load(efs, latest);
        assertThat(snapshot.close()).containsExactly(Csv.stored("CUT", "close"));
        assertThat(snapshot.time()).hasSize((int) expected);
    }
}
