package dev.phylo.cli.run;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * Follows a walk-forward run: a header when each fold's run appears in {@code runs}, then that fold's generations as
 * {@link RunMonitor} prints them. Fold run ids are the parent's with {@code -f<fold>}.
 */
final class WalkForwardMonitor implements Progress {

    private static final String RUN = "SELECT config->>'from' AS train_from, config->>'testFrom' AS test_from,"
            + " config->>'to' AS test_to FROM runs WHERE run_id = ?";

    private final Connection connection;
    private final String runId;
    private final int folds;
    private final int generations;
    private final PrintStream out;
    private final LongSupplier clock;
    private final RunMonitor[] monitors;

    WalkForwardMonitor(
            Connection connection, String runId, int folds, int generations, PrintStream out, LongSupplier nanoClock) {
        this.connection = connection;
        this.runId = runId;
        this.folds = folds;
        this.generations = generations;
        this.out = out;
        this.clock = nanoClock;
        this.monitors = new RunMonitor[folds];
    }

    @Override
    public void poll() throws SQLException {
        for (int i = 0; i < folds; i++) {
            if (monitors[i] == null) {
                String fold = runId + "-f" + (i + 1);
                try (PreparedStatement ps = connection.prepareStatement(RUN)) {
                    ps.setString(1, fold);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            continue;
                        }
                        out.printf(
                                "fold %d/%d  %s: trains %s → %s, tests → %s%n",
                                i + 1,
                                folds,
                                fold,
                                rs.getString("train_from"),
                                rs.getString("test_from"),
                                rs.getString("test_to"));
                    }
                }
                monitors[i] = new RunMonitor(connection, fold, generations, out, clock);
            }
            monitors[i].poll();
        }
    }

    @Override
    public long evaluatedStrategies() {
        long n = 0;
        for (RunMonitor m : monitors) {
            n += m == null ? 0 : m.evaluatedStrategies();
        }
        return n;
    }
}
