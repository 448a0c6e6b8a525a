package dev.phylo.functions.report;

import dev.phylo.efs.AtomicFiles;
import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.RunFiles;
import dev.phylo.function.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Validates a run's top strategies out of sample and writes {@code runs/<runId>/validation.json} atomically. The file
 * holds no timestamp, so a replayed step writes the same bytes and leaves it untouched.
 */
@ApplicationScoped
public class ValidationService {

    static final String FILE = "validation.json";
    static final Pattern RUN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Logger LOG = Logger.getLogger(ValidationService.class);

    private final EfsLayout efs;
    private final RunFiles files;
    private final int topK;
    private final double maxCorrelation;

    ValidationService(
            @ConfigProperty(name = "phylo.efs.root") Path efsRoot,
            @ConfigProperty(name = "phylo.validate.top-k", defaultValue = "10") int topK,
            @ConfigProperty(name = "phylo.validate.max-correlation", defaultValue = "0.9") double maxCorrelation) {
        if (topK < 1) {
            throw new IllegalArgumentException("phylo.validate.top-k must be >= 1: " + topK);
        }
        if (!(maxCorrelation > -1 && maxCorrelation <= 1)) {
            throw new IllegalArgumentException(
                    "phylo.validate.max-correlation must be in (-1, 1] (1: no limit): " + maxCorrelation);
        }
        this.efs = new EfsLayout(efsRoot);
        this.files = new RunFiles(efs);
        this.topK = topK;
        this.maxCorrelation = maxCorrelation;
    }

    public ValidationSummary validate(RunRequest request) {
        String runId = runId(request);
        Validation validation = compute(runId);
        Path file = file(runId);
        AtomicFiles.writeJson(file, validation);
        ValidatedStrategy best = validation.strategies().get(0);
        LOG.infof(
                "validated %s: top %d of %d strategies (%d independent), %d flagged, PBO %s; best %s OOS Sharpe %s DSR %s",
                runId,
                validation.topK(),
                validation.strategiesEvaluated(),
                validation.effectiveTrials().effective(),
                validation.flagged(),
                validation.pbo() == null ? "n/a" : validation.pbo().probability(),
                best.id(),
                best.outOfSampleSharpe(),
                best.deflatedSharpe());
        return new ValidationSummary(
                runId,
                validation.topK(),
                validation.strategiesEvaluated(),
                validation.effectiveTrials().effective(),
                validation.pbo() == null ? null : validation.pbo().probability(),
                new BestStrategy(
                        best.id(),
                        best.name(),
                        best.inSampleSharpe(),
                        best.outOfSampleSharpe(),
                        best.deflatedSharpe(),
                        best.overfit()),
                validation.flagged(),
                file.toString());
    }

    /** The run's {@code validation.json}: read when the validate step wrote it, otherwise computed and written. */
    Validation load(String runId) {
        Path file = file(runId);
        if (Files.isRegularFile(file)) {
            return AtomicFiles.readJson(file, Validation.class);
        }
        Validation validation = compute(runId);
        AtomicFiles.writeJson(file, validation);
        return validation;
    }

    Path file(String runId) {
        return efs.runDir(runId).resolve(FILE);
    }

    EfsLayout efs() {
        return efs;
    }

    RunFiles files() {
        return files;
    }

    private Validation compute(String runId) {
        RunHistory history = RunHistory.read(files, runId);
        return Validator.validate(history, RunData.load(efs, history.plan()), topK, maxCorrelation);
    }

    /** The request's run id, checked. */
    static String runId(RunRequest request) {
        String runId = request == null ? null : request.runId();
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new InvalidRequestException(
                    "runId = " + runId + ": expected 1-63 of a-z, 0-9 and '-', " + "starting with a letter or digit");
        }
        return runId;
    }
}
