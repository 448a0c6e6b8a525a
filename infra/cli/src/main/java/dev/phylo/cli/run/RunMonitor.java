package dev.phylo.cli.run;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Follows a run from its row in {@code runs} and the generation's metrics, and prints one progress line per
 * persisted generation: generation k/N with a bar, best and median fitness, strategies per second, ETA. Reads only
 * what the functions stored, so it shows what the database says, not what the runner hopes.
 */
final class RunMonitor implements Progress, AutoCloseable {

    private static final String RUN = "SELECT generation, evaluated, best_fitness, status FROM runs WHERE run_id = ?";
    /** One generation's summary as persist wrote it (migration V6); no row while it is not stored yet. */
    private static final String GENERATION = """
            SELECT best_fitness AS best, median_fitness AS median, evaluated AS n FROM run_generations
             WHERE run_id = ? AND generation = ?""";

    private final Connection connection;
    private final String runId;
    private final int generations;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long start;
    private int printed = -1;
    private long lastAt;
    private long evaluatedStrategies;

    RunMonitor(Connection connection, String runId, int generations, PrintStream out, LongSupplier nanoClock) {
        this.connection = connection;
        this.runId = runId;
        this.generations = generations;
        this.out = out;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastAt = start;
    }

    /**
     * A resumed run: the generations persisted before it are not shown again (their rate would be meaningless); one
     * line says where the run continues.
     */
    void skipPersisted() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(RUN)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    int g = rs.getInt("generation");
                    if (!rs.wasNull()) {
                        printed = g;
                        out.printf(
                                Locale.ROOT,
                                "resumed   after generation %d/%d (persisted), best %.4f%n",
                                g + 1,
                                generations,
                                fitness(rs.getDouble("best_fitness")));
                    }
                }
            }
        }
    }

    /** Prints a line for each generation persisted since the last call. */
    @Override
    public void poll() throws SQLException {
        Integer generation = null;
        try (PreparedStatement ps = connection.prepareStatement(RUN)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    int g = rs.getInt("generation");
                    generation = rs.wasNull() ? null : g;
                }
            }
        }
        while (generation != null && printed < generation) {
            printed++;
            line(printed);
        }
    }

    private void line(int g) throws SQLException {
        double best;
        double median;
        long n;
        try (PreparedStatement ps = connection.prepareStatement(GENERATION)) {
            ps.setString(1, runId);
            ps.setInt(2, g);
            try (ResultSet rs = ps.executeQuery()) {
                boolean stored = rs.next();
                best = stored ? rs.getDouble("best") : Double.NaN;
                median = stored ? rs.getDouble("median") : Double.NaN;
                n = stored ? rs.getLong("n") : 0;
            }
        }
        long now = clock.getAsLong();
        double seconds = Math.max(1e-9, (now - lastAt) / 1e9);
        lastAt = now;
        evaluatedStrategies += n;
        double perSecond = n / seconds;
        double elapsed = (now - start) / 1e9;
        int done = g + 1;
        Duration eta = Duration.ofMillis((long) (elapsed / done * Math.max(0, generations - done) * 1000));
        out.println(String.format(
                Locale.ROOT,
                "generation %3d/%-3d %s  best %8.4f  median %8.4f  %,8.0f strategies/s" + "  ETA %s",
                done,
                generations,
                bar(done, generations),
                fitness(best),
                fitness(median),
                perSecond,
                clockText(eta)));
        out.flush();
    }

    @Override
    public long evaluatedStrategies() {
        return evaluatedStrategies;
    }

    /** Strategies below the objective's minimum trades score -1e9: show that as "n/a" territory, not a number. */
    private static double fitness(double f) {
        return f <= -1e8 ? Double.NaN : f;
    }

    static String bar(int done, int total) {
        int width = 20;
        int filled = total == 0 ? width : (int) Math.round((double) done / total * width);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }

    static String clockText(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
