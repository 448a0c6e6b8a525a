package dev.phylo.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL (the CLI, {@code kill -9}) leaves its embedded server running on the kept data
 * directory. The next start stops that orphan and starts on the same data: committed rows are there, the killed
 * process's open transaction is not. A server whose owner is still alive is never touched.
 */
class OrphanedServerTest {

    @TempDir
    Path dataDir;

    @Test
    void aServerLeftByAKilledProcessIsStoppedAndItsCommittedDataKept() throws Exception {
        Process owner = startOwner();
        long serverPid = awaitReady(owner);
        owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive))
                .as("precondition: SIGKILL leaves the server running")
                .contains(true);

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
                Connection c = PostgresJdbc.connect(database.url());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT string_agg(note, ',' ORDER BY note) FROM kept")) {
            assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive))
                    .isEmpty();
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("committed");
        }
    }

    @Test
    void aServerWhoseOwnerLivesIsRefusedNamingTheDirectoryAndLeftRunning() throws Exception {
        Process owner = startOwner();
        try {
            long serverPid = awaitReady(owner);

            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("in use by another running phylo command");
            assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            owner.getOutputStream().close(); // the owner stops its server and exits when its stdin closes
            assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Process startOwner() throws IOException {
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Owner.class.getName(),
                        dataDir.toString()))
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the owner's output up to its "ready PID" line; returns the server's process id. */
    private static long awaitReady(Process owner) throws IOException {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = lines.readLine()) != null; ) {
            seen.add(line);
            if (line.startsWith("ready ")) {
                return Long.parseLong(line.substring("ready ".length()).strip());
            }
        }
        throw new AssertionError("the owner exited before it was ready: " + seen);
    }

    /**
     * The owner JVM: starts the server on the directory, commits one row, leaves a second row in an open transaction,
     * prints the server's process id and waits for its stdin to close.
     */
    public static final class Owner {
        public static void main(String[] args) throws IOException, SQLException {
            Path dir = Path.of(args[0]);
            try (EmbeddedDatabase database = EmbeddedDatabase.start(dir);
                    Connection c = PostgresJdbc.connect(database.url());
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (note text)");
                st.execute("INSERT INTO kept VALUES ('committed')");
                c.setAutoCommit(false);
                st.execute("INSERT INTO kept VALUES ('in flight')");
                String pid =
                        Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip();
                System.out.println("ready " + pid);
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the test to close stdin (or kill this process)
                }
            }
        }
    }
}
