package dev.phylo.efs;

import dev.phylo.efs.internal.Checks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of runs under {@code runs/<runId>/}. Each is written once, atomically, as canonical JSON: a replayed
 * step writes the same bytes and changes nothing, while different bytes under the same name fail with
 * {@link FileConflictException}. Every read checks that the file's own run, generation and batch match its name.
 */
public final class RunFiles {
    private static final Pattern BATCH_FILE = Pattern.compile("batch-(\\d{5})\\.json");
    private static final Pattern RESULT_FILE = Pattern.compile("result-(\\d{5})\\.json");

    private final EfsLayout layout;

    public RunFiles(EfsLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public EfsLayout layout() {
        return layout;
    }

    public WriteOutcome writePlan(RunPlan plan) {
        return AtomicFiles.writeJsonOnce(layout.planFile(plan.runId()), plan);
    }

    public RunPlan readPlan(String runId) {
        Path file = layout.planFile(runId);
        RunPlan plan = AtomicFiles.readJson(file, RunPlan.class);
        expect(file, "runId", plan.runId(), runId);
        return plan;
    }

    /**
     * The run's plan, or empty when the run has none: it was never seeded (or this is not the folder it was seeded
     * in). A plan is written once and never changed, so a plan found here stays.
     */
    public Optional<RunPlan> findPlan(String runId) {
        return Files.isRegularFile(layout.planFile(runId)) ? Optional.of(readPlan(runId)) : Optional.empty();
    }

    /** What to tell a caller that names a run without a plan: which file is missing, and the likely causes. */
    public String missingPlan(String runId) {
        return "no run " + runId + ": " + layout.planFile(runId) + " does not exist (seed the run first, or check that "
                + "PHYLO_EFS_ROOT is the shared folder)";
    }

    /** Writes {@code runs/<runId>/folds.json}, once: a walk-forward run's folds. */
    public WriteOutcome writeWalkForward(WalkForwardPlan plan) {
        return AtomicFiles.writeJsonOnce(layout.walkForwardFile(plan.runId()), plan);
    }

    /** The run's walk-forward folds, or empty when it is an ordinary run (or was never seeded). */
    public Optional<WalkForwardPlan> findWalkForward(String runId) {
        Path file = layout.walkForwardFile(runId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        WalkForwardPlan plan = AtomicFiles.readJson(file, WalkForwardPlan.class);
        expect(file, "runId", plan.runId(), runId);
        return Optional.of(plan);
    }

    public WriteOutcome writePopulation(Population population) {
        return AtomicFiles.writeJsonOnce(
                layout.populationFile(population.runId(), population.generation()), population);
    }

    public Population readPopulation(String runId, int generation) {
        Path file = layout.populationFile(runId, generation);
        Population population = AtomicFiles.readJson(file, Population.class);
        expect(file, "runId", population.runId(), runId);
        expect(file, "generation", population.generation(), generation);
        return population;
    }

    public WriteOutcome writeBatch(Batch batch) {
        return AtomicFiles.writeJsonOnce(layout.batchFile(batch.ref()), batch);
    }

    public Batch readBatch(BatchRef ref) {
        Path file = layout.batchFile(ref);
        Batch batch = AtomicFiles.readJson(file, Batch.class);
        expect(file, "batch", batch.ref(), ref);
        return batch;
    }

    public WriteOutcome writeResult(BatchResult result) {
        return AtomicFiles.writeJsonOnce(layout.resultFile(result.ref()), result);
    }

    public BatchResult readResult(BatchRef ref) {
        Path file = layout.resultFile(ref);
        BatchResult result = AtomicFiles.readJson(file, BatchResult.class);
        expect(file, "batch", result.ref(), ref);
        return result;
    }

    public boolean resultExists(BatchRef ref) {
        return Files.isRegularFile(layout.resultFile(ref));
    }

    /** The batches of a generation, by batch number (temporary files are skipped). */
    public List<BatchRef> listBatches(String runId, int generation) {
        return list(runId, generation, BATCH_FILE);
    }

    /** The batches of a generation that have a result, by batch number (temporary files are skipped). */
    public List<BatchRef> listResults(String runId, int generation) {
        return list(runId, generation, RESULT_FILE);
    }

    private List<BatchRef> list(String runId, int generation, Pattern names) {
        Path dir = layout.generationDir(runId, generation);
        List<BatchRef> refs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = names.matcher(file.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) <= Checks.MAX_BATCH) {
                    refs.add(new BatchRef(runId, generation, Integer.parseInt(m.group(1))));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new EfsFileException(dir, "cannot list: " + e, e);
        }
        refs.sort((a, b) -> Integer.compare(a.batch(), b.batch()));
        return List.copyOf(refs);
    }

    private static void expect(Path file, String field, Object actual, Object expected) {
        if (!actual.equals(expected)) {
            throw new EfsFileException(file, "holds %s %s, but its name says %s".formatted(field, actual, expected));
        }
    }
}
