package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner killed with SIGKILL mid-run, through the packaged CLI ({@code phylo.jar}, built by {@code mvn verify}
 * before this runs) against a real PostgreSQL: {@code phylo runs} shows the run interrupted, and {@code phylo run
 * --resume} continues it from its last persisted generation to the leaderboard of an uninterrupted run with the same
 * seed, with every generation stored once.
 */
class ResumeIT {

    private static final List<String> RUN = List.of(
            "--population",
            "24",
            "--generations",
            "10",
            "--stall",
            "0",
            "--seed",
            "11",
            "--bars",
            "3000",
            "--batch-size",
            "8",
            "--max-concurrency",
            "2",
            "--symbols",
            "RSA,RSB");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The CLI's checkout (links to the real one): the runs' .phylo state stays in this temporary folder. */
    @TempDir
    Path checkout;

    @Test
    void aRunKilledMidGenerationIsShownInterruptedAndResumesToTheUninterruptedLeaderboard() throws Exception {
        DatabaseUrl url = TestDatabase.newDatabase("phylo_resume");
        PhyloProcess phylo = new PhyloProcess(checkout, url, Map.of());

        JsonNode whole =
                JSON.readTree(phylo.run(run("--run-id", "rs-whole", "--json")).stdout());

        Process killed = phylo.start(run("--run-id", "rs-killed", "--json"));
        List<String> seen = awaitLine(killed, "generation   3/10");
        killed.destroyForcibly(); // SIGKILL: no handler, no shutdown hook runs
        assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String[] status = run(url, "rs-killed");
        assertThat(status[0]).as("killed at %s", seen).isEqualTo("running");
        assertThat(Integer.parseInt(status[1])).isBetween(2, 8);

        PhyloProcess.Result listed = phylo.run(List.of("runs"));
        assertThat(listed.stdout()).containsPattern("rs-killed +interrupted ");

        PhyloProcess.Result resumed = phylo.run(List.of("run", "--resume", "rs-killed", "--json"));
        assertThat(resumed.stderr())
                .contains("resumed   after generation " + (Integer.parseInt(status[1]) + 1) + "/10");
        JsonNode result = JSON.readTree(resumed.stdout());
        assertThat(result.path("status").asText()).isEqualTo("succeeded");
        assertThat(result.path("leaderboard")).isEqualTo(whole.path("leaderboard"));
        assertThat(result.path("pbo")).isEqualTo(whole.path("pbo"));
        assertThat(run(url, "rs-killed")[0]).isEqualTo("succeeded");
        // every generation stored once: the same summaries and metric rows as the uninterrupted run
        assertThat(stored(url, "rs-killed")).isEqualTo(stored(url, "rs-whole"));
        assertThat(phylo.run(List.of("runs")).stdout()).containsPattern("rs-killed +succeeded ");
        assertThat(checkout.resolve(".phylo/leases/rs-killed")).doesNotExist();
    }

    /** {@code run} with the test's run options and {@code extra}. */
    private static List<String> run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(RUN);
        args.addAll(List.of(extra));
        return args;
    }

    /** Reads the process's stderr (its progress with --json) until a line starts with {@code prefix}. */
    private static List<String> awaitLine(Process p, String prefix) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = lines.readLine()) != null; ) {
            seen.add(line);
            if (line.startsWith(prefix)) {
                return seen;
            }
        }
        throw new AssertionError("the run ended before " + prefix + ": " + seen);
    }

    /** The run's status and last persisted generation. */
    private static String[] run(DatabaseUrl url, String runId) throws SQLException {
        try (Connection c = PostgresJdbc.connect(url);
                PreparedStatement ps = c.prepareStatement("SELECT status, generation FROM runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    /** Per generation: strategies evaluated, best and median fitness, and the metric rows stored. */
    private static List<String> stored(DatabaseUrl url, String runId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = PostgresJdbc.connect(url);
                PreparedStatement ps = c.prepareStatement("""
                        SELECT g.generation, g.evaluated, g.best_fitness, g.median_fitness,
                               (SELECT count(*) FROM strategy_metrics m
                                 WHERE m.run_id = g.run_id AND m.generation = g.generation) AS metric_rows
                          FROM run_generations g WHERE g.run_id = ? ORDER BY g.generation""")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + " " + rs.getLong(2) + " " + rs.getDouble(3) + " " + rs.getDouble(4) + " "
                            + rs.getLong(5));
                }
            }
        }
        assertThat(rows).hasSize(10);
        return rows;
    }
}
