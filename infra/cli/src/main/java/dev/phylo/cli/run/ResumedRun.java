package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code phylo run --resume RUN_ID} may resume, and with what: the run must exist, must not have succeeded, and
 * must not be running in a live process; its options are the configuration stored with it (the seed function reads
 * the same configuration), whatever the command line says.
 */
final class ResumedRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResumedRun() {}

    /** The options of run {@code runId} as it was started; refuses, saying why, a run that cannot be resumed. */
    static RunOptions options(LocalDatabase db, String runId, RunOptions given, Path leases)
            throws SQLException, IOException {
        String status;
        JsonNode config;
        try (Connection c = db.connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT status, config::text AS config FROM runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException(
                            "--resume: no run " + runId + " in " + db + " (phylo runs lists the runs there)");
                }
                status = rs.getString("status");
                config = JSON.readTree(rs.getString("config"));
            }
        }
        if (status.equals("succeeded")) {
            throw new IllegalArgumentException("--resume: run " + runId + " already succeeded: nothing to resume");
        }
        if (config.hasNonNull("walkForward")) {
            throw new IllegalArgumentException("--resume: run " + runId + " is a walk-forward run; resuming one is not "
                    + "supported yet: start it again under a new run id");
        }
        RunLease.liveHolder(leases, runId).ifPresent(holder -> {
            throw new IllegalArgumentException(
                    "--resume: run " + runId + " is still running here (" + holder + "): nothing to resume");
        });
        if (status.equals("running") && !RunLease.exists(leases, runId)) {
            throw new IllegalArgumentException("--resume: run " + runId + " is running and was not started from this "
                    + "checkout (no lease in " + leases + "): in the cloud, resume it once its execution has ended "
                    + "(see the README's Failure behaviour)");
        }
        List<String> symbols = new ArrayList<>();
        config.path("symbols").forEach(s -> symbols.add(s.asText()));
        return new RunOptions(
                given.root(),
                given.stateDir(),
                symbols,
                config.path("interval").asText(),
                text(config, "from"),
                text(config, "to"),
                given.bars(),
                List.of(),
                null,
                runId,
                config.path("populationSize").asInt(),
                config.path("generations").asInt(),
                config.path("batchSize").isNumber() ? config.path("batchSize").asInt() : null,
                config.path("seed").asLong(),
                config.path("maxConcurrency").asInt(),
                config.path("objective").asText(),
                config.path("stallGenerations").asInt(),
                config.path("feeBps").asDouble(),
                config.path("slippageBps").asDouble(),
                given.databaseUrl(),
                given.json(),
                given.debug(),
                null,
                false);
    }

    private static String text(JsonNode config, String field) {
        return config.hasNonNull(field) ? config.path(field).asText() : null;
    }
}
