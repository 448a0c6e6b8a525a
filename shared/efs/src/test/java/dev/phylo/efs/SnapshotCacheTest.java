package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCacheTest {
    @TempDir
    Path root;

    @Test
    void eightConcurrentCallersShareOneLoad() throws Exception {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef ref = SnapshotWriter.write(layout, TestBars.series("AAPL", 200_000));
        SnapshotCache cache = new SnapshotCache(1L << 30);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BarSeries>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return cache.get(layout, ref);
                }));
            }
            start.countDown();
            BarSeries first = calls.get(0).get();
            for (Future<BarSeries> call : calls) {
                assertThat(call.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        CacheStats stats = cache.stats();
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(7);
        assertThat(stats.entries()).isEqualTo(1);
        assertThat(stats.bytes()).isEqualTo(SnapshotReader.bytesOf(ref));
    }

    @Test
    void evictsTheLeastRecentlyUsedSnapshotToStayWithinItsBytes() {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef a = SnapshotWriter.write(layout, TestBars.series("A", 1_000));
        SnapshotRef b = SnapshotWriter.write(layout, TestBars.series("B", 1_000));
        SnapshotRef c = SnapshotWriter.write(layout, TestBars.series("C", 1_000));
        long each = SnapshotReader.bytesOf(a);
        SnapshotCache cache = new SnapshotCache(2 * each + each / 2);

        BarSeries loadedA = cache.get(layout, a);
        cache.get(layout, b);
        assertThat(cache.get(layout, a)).isSameAs(loadedA);
        cache.get(layout, c);

        assertThat(cache.stats()).isEqualTo(new CacheStats(1, 3, 1, 2, 2 * each, 2 * each + each / 2));
        assertThat(cache.get(layout, a)).isSameAs(loadedA);
        cache.get(layout, b);
        assertThat(cache.stats().misses()).isEqualTo(4);
        assertThat(cache.stats().evictions()).isEqualTo(2);
    }

    @Test
    void aSnapshotLargerThanTheBoundIsReturnedButNotKept() {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef ref = SnapshotWriter.write(layout, TestBars.series("A", 1_000));
        SnapshotCache cache = new SnapshotCache(SnapshotReader.bytesOf(ref) - 1);
        assertThat(cache.get(layout, ref).size()).isEqualTo(1_000);
        assertThat(cache.stats().entries()).isZero();
        assertThat(cache.stats().bytes()).isZero();
    }

    @Test
    void looksUpByNameAndHitsOnTheId() {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef ref = SnapshotWriter.write(layout, TestBars.series("^GSPC", 100));
        SnapshotCache cache = new SnapshotCache(1L << 20);
        BarSeries byName = cache.get(layout, "^GSPC", BarInterval.ONE_HOUR, ref.snapshotId());
        assertThat(cache.get(layout, ref)).isSameAs(byName);
        assertThat(cache.stats().misses()).isEqualTo(1);
        assertThat(cache.stats().hits()).isEqualTo(1);
    }

    @Test
    void aFailedLoadIsNotCached() throws IOException {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef ref = SnapshotWriter.write(layout, TestBars.series("A", 100));
        Path close = layout.snapshotDir(ref).resolve("close.npy");
        byte[] original = java.nio.file.Files.readAllBytes(close);
        try (RandomAccessFile f = new RandomAccessFile(close.toFile(), "rw")) {
            f.setLength(100);
        }
        SnapshotCache cache = new SnapshotCache(1L << 20);
        assertThatThrownBy(() -> cache.get(layout, ref)).isInstanceOf(SnapshotCorruptException.class);

        java.nio.file.Files.write(close, original);
        assertThat(cache.get(layout, ref).size()).isEqualTo(100);
        assertThat(cache.stats().misses()).isEqualTo(2);
    }

    @Test
    void rejectsANonPositiveBound() {
        assertThatThrownBy(() -> new SnapshotCache(0)).hasMessageContaining("maxBytes must be positive: 0");
    }
}
