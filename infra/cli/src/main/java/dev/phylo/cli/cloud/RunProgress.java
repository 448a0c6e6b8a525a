package dev.phylo.cli.cloud;

import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.store.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A run's progress from its {@code runs} row (Neon), for users with database access: the last persisted generation
 * (0-based), the planned generations, the best fitness and the strategies evaluated so far.
 */
final class RunProgress implements AutoCloseable {

    record Row(Integer generation, int planned, Double bestFitness, long evaluated, String status) {}

    private final DatabaseUrl url;
    private Connection connection;

    RunProgress(String databaseUrl) {
        try {
            this.url = DatabaseUrl.parse(databaseUrl);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad --database-url: " + e.getMessage(), e);
        }
    }

    /** The run's row, or null while the seed function has not written it yet. */
    Row read(String runId) throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = PostgresJdbc.connect(url);
        }
        try (PreparedStatement st = connection.prepareStatement("""
                SELECT generation, generations_planned, best_fitness, evaluated, status FROM runs WHERE run_id = ?""")) {
            st.setString(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                int generation = rs.getInt(1);
                Integer g = rs.wasNull() ? null : generation;
                int planned = rs.getInt(2);
                double best = rs.getDouble(3);
                Double b = rs.wasNull() ? null : best;
                return new Row(g, planned, b, rs.getLong(4), rs.getString(5));
            }
        }
    }

    /** Where the progress comes from, password masked. */
    @Override
    public String toString() {
        return url.toString();
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a connection we only read from
            }
        }
    }
}
