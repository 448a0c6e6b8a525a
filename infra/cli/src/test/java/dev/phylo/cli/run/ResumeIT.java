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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
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

    /** A checkout of links to the real one (sam/, functions/), so that the runs' .phylo state stays in a temp dir. */
    @TempDir
    Path checkout;

    @Test
    void aRunKilledMidGenerationIsShownInterruptedAndResumesToTheUninterruptedLeaderboard() throws Exception {
        Files.createSymbolicLink(checkout.resolve("sam"), ROOT.resolve("sam"));
        Files.createSymbolicLink(checkout.resolve("functions"), ROOT.resolve("functions"));
        DatabaseUrl url = TestDatabase.newDatabase("phylo_resume");
        Path urlFile = Files.writeString(checkout.resolve("database-url"), url.toConnectionUri() + "\n");

        JsonNode whole = JSON.readTree(phylo(urlFile, "run", "--run-id", "rs-whole", "--json").stdout);

        Process killed = start(urlFile, "run", "--run-id", "rs-killed", "--json");
        List<String> seen = awaitLine(killed, "generation   3/10");
        killed.destroyForcibly(); // SIGKILL: no handler, no shutdown hook runs
        assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String[] status = run(url, "rs-killed");
        assertThat(status[0]).as("killed at %s", seen).isEqualTo("running");
        assertThat(Integer.parseInt(status[1])).isBetween(2, 8);

        Result listed = phylo(urlFile, "runs");
        assertThat(listed.stdout).containsPattern("rs-killed +interrupted ");

        Result resumed = phylo(urlFile, "run", "--resume", "rs-killed", "--json");
        assertThat(resumed.stderr).contains("resumed   after generation " + (Integer.parseInt(status[1]) + 1) + "/10");
        JsonNode result = JSON.readTree(resumed.stdout);
        assertThat(result.path("status").asText()).isEqualTo("succeeded");
        assertThat(result.path("leaderboard")).isEqualTo(whole.path("leaderboard"));
        assertThat(result.path("pbo")).isEqualTo(whole.path("pbo"));
        assertThat(run(url, "rs-killed")[0]).isEqualTo("succeeded");
        // every generation stored once: the same summaries and metric rows as the uninterrupted run
        assertThat(stored(url, "rs-killed")).isEqualTo(stored(url, "rs-whole"));
        assertThat(phylo(urlFile, "runs").stdout).containsPattern("rs-killed +succeeded ");
        assertThat(checkout.resolve(".phylo/leases/rs-killed")).doesNotExist();
    }

    private record Result(String stdout, String stderr) {}

    private Process start(Path urlFile, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ROOT.resolve("infra/cli/target/phylo.jar").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--root", checkout.toString(), "--database-url-file", urlFile.toString()));
        if (args[0].equals("run") && !List.of(args).contains("--resume")) {
            command.addAll(RUN);
        }
        return new ProcessBuilder(command).directory(checkout.toFile()).start();
    }

    private Result phylo(Path urlFile, String... args) throws Exception {
        Process p = start(urlFile, args);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue())
                .as("phylo %s\n%s\n%s", List.of(args), out, err.join())
                .isZero();
        System.out.print(err.join());
        return new Result(out, err.join());
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

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
