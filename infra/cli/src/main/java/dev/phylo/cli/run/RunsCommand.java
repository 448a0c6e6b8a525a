package dev.phylo.cli.run;

import dev.phylo.cli.DatabaseUrlOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code phylo runs}: past runs from the database, newest first. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description =
                "Lists past runs (newest first) from NEON_DATABASE_URL, --database-url-file or the local database.")
public final class RunsCommand implements Callable<Integer> {

    /** The database to list (default: NEON_DATABASE_URL, else the embedded one under .phylo/pg). */
    @Mixin
    DatabaseUrlOptions database;

    @Option(names = "--root", description = "The Phylo checkout (default: found from the current folder).")
    Path root;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        Path checkout = root != null
                ? root.toAbsolutePath()
                : RunCommand.Checkouts.find(Path.of("").toAbsolutePath());
        String url = database.resolve().orElse(null);
        Path leases = LocalRun.leases(checkout.resolve(".phylo"));
        try (LocalDatabase db = LocalDatabase.open(url, checkout.resolve(".phylo/pg"));
                Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                     SELECT run_id, status, created_at, generation, generations_planned, evaluated, best_fitness,
                            coalesce(finished_at, updated_at) - created_at AS took, left(error, 60) AS error
                       FROM runs ORDER BY created_at DESC LIMIT """ + " " + Math.max(1, limit))) {
            System.out.printf("database  %s (schema %s)%n", db, db.migration().currentVersion());
            System.out.printf(
                    "storage   %s: %s%n%n",
                    db.migration().storage().mode(), db.migration().storage().reason());
            System.out.printf(
                    Locale.ROOT,
                    "%-32s %-11s %-19s %11s %10s %9s  %s%n",
                    "run",
                    "status",
                    "started (UTC)",
                    "generations",
                    "evaluated",
                    "best",
                    "error");
            while (rs.next()) {
                int g = rs.getInt("generation");
                String gens = (rs.wasNull() ? "-" : Integer.toString(g + 1)) + "/" + rs.getInt("generations_planned");
                double best = rs.getDouble("best_fitness");
                String bestText = rs.wasNull() ? "-" : String.format(Locale.ROOT, "%.4f", best);
                String runId = rs.getString("run_id");
                String status = rs.getString("status");
                String error = rs.getString("error") == null ? "" : rs.getString("error");
                if (status.equals("running") && RunLease.interrupted(leases, runId)) {
                    // its runner was killed (its lease remains, its process does not): resumable
                    status = "interrupted";
                    error = "runner gone; phylo run --resume " + runId;
                }
                System.out.printf(
                        Locale.ROOT,
                        "%-32s %-11s %-19s %11s %10d %9s  %s%n",
                        runId,
                        status,
                        rs.getTimestamp("created_at")
                                .toInstant()
                                .toString()
                                .substring(0, 19)
                                .replace('T', ' '),
                        gens,
                        rs.getLong("evaluated"),
                        bestText,
                        error);
            }
        }
        return 0;
    }
}
