package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.engine.data.BarInterval;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EfsLayoutTest {
    private final EfsLayout layout = new EfsLayout(Path.of("/efs"));

    @Test
    void rootComesFromTheEnvironmentWithTheLambdaMountAsDefault() {
        assertThat(EfsLayout.fromEnvironment(Map.of()).root()).isEqualTo(Path.of("/mnt/phylo"));
        assertThat(EfsLayout.fromEnvironment(Map.of("PHYLO_EFS_ROOT", " ")).root())
                .isEqualTo(Path.of("/mnt/phylo"));
        assertThat(EfsLayout.fromEnvironment(Map.of("PHYLO_EFS_ROOT", ".phylo/efs"))
                        .root())
                .isEqualTo(Path.of(".phylo/efs"));
    }

    @Test
    void snapshotPathsEncodeSymbolAndInterval() {
        String id = "0123456789abcdef0123456789abcdef";
        assertThat(layout.snapshotDir("^GSPC", BarInterval.parse("1d"), id))
                .isEqualTo(Path.of("/efs/snapshots/%5EGSPC/1d/" + id));
        assertThat(layout.latestManifest("EUR/USD", BarInterval.parse("5m")))
                .isEqualTo(Path.of("/efs/snapshots/EUR%2FUSD/5m/latest.json"));
        SnapshotRef ref = new SnapshotRef(id, "EUR/USD", "5m", 2, 0, 300_000);
        assertThat(ref.relativeDir()).isEqualTo("snapshots/EUR%2FUSD/5m/" + id);
        assertThat(layout.snapshotHeader(ref))
                .isEqualTo(Path.of("/efs/snapshots/EUR%2FUSD/5m/" + id + "/snapshot.json"));
    }

    @Test
    void runPathsArePadded() {
        BatchRef ref = new BatchRef("run-1", 3, 42);
        assertThat(layout.planFile("run-1")).isEqualTo(Path.of("/efs/runs/run-1/run.json"));
        assertThat(layout.populationFile("run-1", 3)).isEqualTo(Path.of("/efs/runs/run-1/gen-0003/population.json"));
        assertThat(layout.batchFile(ref)).isEqualTo(Path.of("/efs/runs/run-1/gen-0003/batch-00042.json"));
        assertThat(layout.resultFile(ref)).isEqualTo(Path.of("/efs/runs/run-1/gen-0003/result-00042.json"));
    }

    @Test
    void rejectsIdsThatWouldEscapeTheirDirectory() {
        assertThatThrownBy(() -> layout.runDir("../etc")).hasMessageContaining("\"../etc\"");
        assertThatThrownBy(() -> layout.runDir("Run1")).hasMessageContaining("[a-z0-9]");
        assertThatThrownBy(() -> layout.runDir("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.snapshotDir("X", BarInterval.ONE_DAY, "../../x"))
                .hasMessageContaining("snapshotId");
        assertThatThrownBy(() -> layout.generationDir("r", 10_000)).hasMessageContaining("10000");
    }
}
