package dev.phylo.functions.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.store.Database;
import dev.phylo.store.RunRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * Records a failed run: status {@code failed} and the error text {@code "<error>: <cause>"} (just the error when
 * there is no cause; causes are cut to {@value #MAX_CAUSE} characters). A run that has no row (it failed before it
 * was seeded) or an input without a valid run id is reported as not recorded, never as an error: the failure
 * handler of a state machine must not fail itself. Repeating the call changes nothing.
 */
@ApplicationScoped
public class FailureService {

    static final int MAX_CAUSE = 8_000;
    private static final Logger LOG = Logger.getLogger(FailureService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final RunRepository runs;

    FailureService(Database database, RunRepository runs) {
        this.database = database;
        this.runs = runs;
    }

    public FailureRecorded fail(FailRequest request) {
        String runId = runId(request);
        String error = message(request);
        if (runId == null || !ValidationService.RUN_ID.matcher(runId).matches()) {
            LOG.warnf("run failed but names no valid run id (%s): %s", runId, error);
            return new FailureRecorded(runId, false);
        }
        boolean recorded = database.await(
                "record failure of run " + runId,
                c -> runs.get(c, runId)
                        .flatMap(run -> run.isEmpty()
                                ? Uni.createFrom().item(false)
                                : runs.finish(c, runId, false, error).replaceWith(true)));
        if (recorded) {
            LOG.warnf("run %s failed: %s", runId, error);
        } else {
            LOG.warnf("run %s failed before it had a row (not recorded): %s", runId, error);
        }
        return new FailureRecorded(runId, recorded);
    }

    /** The execution input's own runId when it has one (it wins over the execution name), else the request's. */
    static String runId(FailRequest request) {
        if (request == null) {
            return null;
        }
        if (!blank(request.executionInput())) {
            try {
                JsonNode input = JSON.readTree(request.executionInput());
                if (input != null && input.path("runId").isTextual()) {
                    return input.path("runId").asText();
                }
            } catch (IOException e) {
                // the failure path must not fail: an unreadable input falls back to the execution's name
                LOG.warnf(
                        "execution input of %s is not JSON (%s); using the execution name",
                        request.runId(), e.getMessage());
            }
        }
        return request.runId();
    }

    /** {@code error: cause}; "unknown error" when there is no error name; NUL characters removed (text rejects them). */
    static String message(FailRequest request) {
        String error = request == null || blank(request.error())
                ? "unknown error"
                : request.error().strip();
        String cause = request == null || blank(request.cause())
                ? null
                : request.cause().strip();
        if (cause != null && cause.length() > MAX_CAUSE) {
            cause = cause.substring(0, MAX_CAUSE) + "…";
        }
        return (cause == null ? error : error + ": " + cause).replace("\u0000", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
