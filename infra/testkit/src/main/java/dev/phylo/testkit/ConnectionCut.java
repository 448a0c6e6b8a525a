package dev.phylo.testkit;

import dev.phylo.postgres.PostgresJdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a function's database connection in the middle of its transaction, deterministically: a second session locks
 * a table the transaction is about to write ({@code SHARE ROW EXCLUSIVE} blocks inserts and updates, not reads), so
 * the writer waits inside its transaction; {@link #cutBlocked} then ends the waiting backend with
 * {@code pg_terminate_backend}, as a dropped connection or a Neon compute restart would, and closing this object
 * releases the lock for whatever comes next (a retry, or nothing).
 */
public final class ConnectionCut implements AutoCloseable {

    private final Connection locker;
    private final int lockerPid;
    private final List<Integer> cut = new ArrayList<>();

    private ConnectionCut(Connection locker, int lockerPid) {
        this.locker = locker;
        this.lockerPid = lockerPid;
    }

    /** Locks {@code table} of the test database against writers until {@link #close()}. */
    public static ConnectionCut lockAgainstWriters(String table) {
        try {
            Connection c = PostgresJdbc.connect(TestDatabase.url());
            c.setAutoCommit(false);
            int pid;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
                st.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
            }
            return new ConnectionCut(c, pid);
        } catch (SQLException e) {
            throw new TestDatabaseException("could not lock " + table, e);
        }
    }

    /**
     * Waits for a backend blocked by the lock (a writer inside its transaction), terminates it and returns its
     * process id; fails when none blocks within {@code timeout}.
     */
    public int cutBlocked(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<java.util.Map<String, Object>> blocked = TestDatabase.query(
                    "SELECT pid, pg_terminate_backend(pid) AS terminated, xact_start IS NOT NULL AS in_transaction"
                            + " FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))",
                    lockerPid);
            for (var row : blocked) {
                if (Boolean.TRUE.equals(row.get("terminated")) && Boolean.TRUE.equals(row.get("in_transaction"))) {
                    int pid = ((Number) row.get("pid")).intValue();
                    cut.add(pid);
                    return pid;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no writer blocked on the lock within " + timeout);
    }

    /** The backends cut so far. */
    public List<Integer> cut() {
        return List.copyOf(cut);
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try (locker) {
            locker.rollback();
        } catch (SQLException e) {
            throw new TestDatabaseException("could not release the lock", e);
        }
    }
}
