package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.engine.data.BarSeries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** numpy reads the snapshot files as they are: {@code np.load(path, mmap_mode="r")}. */
class NumpyInteropTest {
    private static final String SCRIPT = """
            import json, sys
            import numpy as np
            d = sys.argv[1]
            header = json.load(open(d + "/snapshot.json"))
            out = {}
            for c in header["columns"]:
                a = np.load(d + "/" + c["file"], mmap_mode="r")
                assert isinstance(a, np.memmap), type(a)
                out[c["name"]] = {
                    "dtype": a.dtype.str, "len": len(a), "offset": a.offset, "c": bool(a.flags["C_CONTIGUOUS"]),
                    "sum": repr(a.sum().item()), "first": repr(a[0].item()), "last": repr(a[-1].item()),
                }
            print(json.dumps(out))
            """;

    @TempDir
    Path root;

    @BeforeAll
    static void needsNumpy() {
        assumeTrue(
                run("python3", "-c", "import numpy").exitCode == 0,
                "python3 with numpy is not installed: skipping the numpy interoperability check");
    }

    @Test
    void numpyMemoryMapsEveryColumnWithTheSameValues() throws IOException {
        EfsLayout layout = new EfsLayout(root);
        BarSeries bars = TestBars.series("^GSPC", "1d", 5_000, 11);
        SnapshotRef ref = SnapshotWriter.write(layout, bars);
        Path dir = layout.snapshotDir(ref);

        Result result = run("python3", "-c", SCRIPT, dir.toString());
        assertThat(result.exitCode).as(result.output).isZero();
        JsonNode columns = new ObjectMapper().readTree(result.output);

        JsonNode time = columns.get("time");
        assertThat(time.get("dtype").asText()).isEqualTo("<i8");
        assertThat(time.get("len").asInt()).isEqualTo(5_000);
        assertThat(time.get("c").asBoolean()).isTrue();
        assertThat(time.get("offset").asLong()).isEqualTo(128);
        assertThat(Long.parseLong(time.get("sum").asText()))
                .isEqualTo(Arrays.stream(bars.time()).sum());
        assertThat(Long.parseLong(time.get("first").asText())).isEqualTo(bars.time()[0]);
        assertThat(Long.parseLong(time.get("last").asText())).isEqualTo(bars.time()[4_999]);

        assertDoubles(columns.get("open"), bars.open());
        assertDoubles(columns.get("high"), bars.high());
        assertDoubles(columns.get("low"), bars.low());
        assertDoubles(columns.get("close"), bars.close());
        assertDoubles(columns.get("volume"), bars.volume());
    }

    @Test
    void columnFilesAreByteForByteWhatNumpySaveWrites() throws IOException {
        EfsLayout layout = new EfsLayout(root);
        SnapshotRef ref = SnapshotWriter.write(layout, TestBars.series("EUR/USD", "5m", 777, 5));
        Path dir = layout.snapshotDir(ref);
        Path resaved = root.resolve("resaved");
        java.nio.file.Files.createDirectories(resaved);
        String script = """
                import sys, numpy as np
                for name in ["time", "open", "high", "low", "close", "volume"]:
                    np.save(sys.argv[2] + "/" + name + ".npy", np.array(np.load(sys.argv[1] + "/" + name + ".npy")))
                """;

        Result result = run("python3", "-c", script, dir.toString(), resaved.toString());
        assertThat(result.exitCode).as(result.output).isZero();

        for (String name : new String[] {"time", "open", "high", "low", "close", "volume"}) {
            assertThat(dir.resolve(name + ".npy")).as(name).hasSameBinaryContentAs(resaved.resolve(name + ".npy"));
        }
    }

    private static void assertDoubles(JsonNode column, double[] expected) {
        assertThat(column.get("dtype").asText()).isEqualTo("<f8");
        assertThat(column.get("len").asInt()).isEqualTo(expected.length);
        assertThat(Double.parseDouble(column.get("first").asText())).isEqualTo(expected[0]);
        assertThat(Double.parseDouble(column.get("last").asText())).isEqualTo(expected[expected.length - 1]);
        double sum = Arrays.stream(expected).sum();
        assertThat(Double.parseDouble(column.get("sum").asText())).isCloseTo(sum, within(Math.abs(sum) * 1e-12));
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, "cannot start " + command[0] + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
