package dev.phylo.bench.functions;

import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.SnapshotReader;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.engine.data.BarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Figure 2: {@link SnapshotReader#load} of the 1M-bar snapshot with a warm page cache, against plain
 * {@link Files#readAllBytes} of the same six column files, alternating run by run.
 */
final class SnapshotLoadBench {

    record Result(int rows, long loadBytes, long fileBytes, Samples load, Samples readAll) {

        double loadBytesPerSecond() {
            return loadBytes / load.medianSeconds();
        }

        double readAllBytesPerSecond() {
            return fileBytes / readAll.medianSeconds();
        }
    }

    private final Path root;
    private final BarSeries bars;
    private final int warmups;
    private final int measured;

    SnapshotLoadBench(Path root, BarSeries bars, int warmups, int measured) {
        this.root = root;
        this.bars = bars;
        this.warmups = warmups;
        this.measured = measured;
    }

    Result run() throws IOException {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef ref = SnapshotWriter.write(layout, bars);
        List<Path> columns;
        try (Stream<Path> files = Files.list(layout.snapshotDir(ref))) {
            columns = files.filter(f -> f.getFileName().toString().endsWith(".npy"))
                    .sorted()
                    .toList();
        }
        if (columns.size() != 6) {
            throw new IllegalStateException("expected 6 column files in " + layout.snapshotDir(ref) + ": " + columns);
        }
        long fileBytes = 0;
        for (Path column : columns) {
            fileBytes += Files.size(column);
        }
        Samples load = new Samples("SnapshotReader.load");
        Samples readAll = new Samples("Files.readAllBytes x6");
        long sink = 0;
        for (int rep = 0; rep < warmups + measured; rep++) {
            long start = System.nanoTime();
            BarSeries loaded = SnapshotReader.load(layout, ref);
            long l = System.nanoTime() - start;
            sink += loaded.size();

            start = System.nanoTime();
            for (Path column : columns) {
                sink += Files.readAllBytes(column).length;
            }
            long r = System.nanoTime() - start;
            if (rep >= warmups) {
                load.add(l);
                readAll.add(r);
            }
        }
        if (sink == 42) {
            FunctionsBench.progress("(never printed)");
        }
        FunctionsBench.progress(Format.f(
                "snapshot: load median %.2f ms, readAllBytes median %.2f ms",
                load.medianSeconds() * 1e3, readAll.medianSeconds() * 1e3));
        return new Result(bars.size(), SnapshotReader.bytesOf(ref), fileBytes, load, readAll);
    }
}
