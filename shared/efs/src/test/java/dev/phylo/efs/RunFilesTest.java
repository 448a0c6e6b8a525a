package dev.phylo.efs;

import static dev.phylo.efs.RunFixtures.RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    @TempDir
    Path root;

    private RunFiles files() {
        return new RunFiles(new EfsLayout(root));
    }

    @Test
    void everyRunFileRoundTrips() {
        RunFiles files = files();
        RunPlan plan = RunFixtures.plan();
        Population population = new Population(RUN, 3, RunFixtures.individuals(20, 1));
        Batch batch = new Batch(RUN, 3, 7, population.individuals().subList(0, 10));
        BatchResult result = RunFixtures.result(7);

        assertThat(files.writePlan(plan)).isEqualTo(WriteOutcome.CREATED);
        assertThat(files.writePopulation(population)).isEqualTo(WriteOutcome.CREATED);
        assertThat(files.writeBatch(batch)).isEqualTo(WriteOutcome.CREATED);
        assertThat(files.writeResult(result)).isEqualTo(WriteOutcome.CREATED);

        assertThat(files.readPlan(RUN)).isEqualTo(plan);
        assertThat(files.readPopulation(RUN, 3)).isEqualTo(population);
        assertThat(files.readBatch(batch.ref())).isEqualTo(batch);
        assertThat(files.readResult(result.ref())).isEqualTo(result);
        assertThat(Files.exists(root.resolve("runs/run-2024-01/gen-0003/batch-00007.json")))
                .isTrue();
        assertThat(Files.exists(root.resolve("runs/run-2024-01/gen-0003/result-00007.json")))
                .isTrue();
    }

    @Test
    void replayedBatchWritesIdenticalResult() throws IOException {
        RunFiles files = files();
        BatchResult result = RunFixtures.result(4);
        files.writeResult(result);
        Path file = new EfsLayout(root).resultFile(result.ref());
        byte[] first = Files.readAllBytes(file);

        assertThat(files.writeResult(RunFixtures.result(4))).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);

        Files.delete(file);
        assertThat(files.writeResult(RunFixtures.result(4))).isEqualTo(WriteOutcome.CREATED);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
    }

    @Test
    void aDifferentResultUnderTheSameNameIsAConflict() {
        RunFiles files = files();
        files.writeResult(RunFixtures.result(1));
        BatchResult other = new BatchResult(RUN, 3, 1, 1L, List.of());
        assertThatThrownBy(() -> files.writeResult(other))
                .isInstanceOf(FileConflictException.class)
                .hasMessageContaining("result-00001.json");
        assertThat(files.readResult(other.ref())).isEqualTo(RunFixtures.result(1));
    }

    @Test
    void listingsAreSortedAndSkipTemporaryFiles() throws IOException {
        RunFiles files = files();
        assertThat(files.listResults(RUN, 3)).isEmpty();
        for (int b : new int[] {10, 2, 0}) {
            files.writeResult(RunFixtures.result(b));
            files.writeBatch(new Batch(RUN, 3, b, RunFixtures.individuals(1, b)));
        }
        Path gen = new EfsLayout(root).generationDir(RUN, 3);
        Files.writeString(gen.resolve(".tmp-result-00005.json-00000000deadbeef"), "{\"runId\":");
        Files.writeString(gen.resolve("notes.txt"), "not a result");

        assertThat(files.listResults(RUN, 3))
                .containsExactly(new BatchRef(RUN, 3, 0), new BatchRef(RUN, 3, 2), new BatchRef(RUN, 3, 10));
        assertThat(files.listBatches(RUN, 3)).hasSize(3);
        assertThat(files.resultExists(new BatchRef(RUN, 3, 2))).isTrue();
        assertThat(files.resultExists(new BatchRef(RUN, 3, 5))).isFalse();
    }

    @Test
    void aFileWhoseContentDisagreesWithItsNameIsReported() throws IOException {
        RunFiles files = files();
        files.writeResult(RunFixtures.result(1));
        EfsLayout layout = new EfsLayout(root);
        Files.copy(layout.resultFile(new BatchRef(RUN, 3, 1)), layout.resultFile(new BatchRef(RUN, 3, 2)));
        assertThatThrownBy(() -> files.readResult(new BatchRef(RUN, 3, 2)))
                .isInstanceOf(EfsFileException.class)
                .hasMessageContaining("result-00002.json")
                .hasMessageContaining("its name says");
    }

    @Test
    void readingAMissingOrCorruptRunFileNamesIt() throws IOException {
        RunFiles files = files();
        assertThatThrownBy(() -> files.readPlan("nope"))
                .isInstanceOf(EfsFileNotFoundException.class)
                .hasMessageContaining("runs/nope/run.json");

        Path plan = new EfsLayout(root).planFile(RUN);
        Files.createDirectories(plan.getParent());
        String json = new String(AtomicFiles.toJson(RunFixtures.plan()), StandardCharsets.UTF_8);
        Files.writeString(plan, json.replace("\"populationSize\":200", "\"populationSize\":0"));
        assertThatThrownBy(() -> files.readPlan(RUN))
                .isInstanceOf(EfsFileException.class)
                .hasMessageContaining("run.json")
                .hasMessageContaining("populationSize must be positive: 0");
    }
}
