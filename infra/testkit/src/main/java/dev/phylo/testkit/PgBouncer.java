package dev.phylo.testkit;

import dev.phylo.store.DatabaseUrl;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PgBouncer in transaction mode (Debian's {@code pgbouncer}) in front of a test server, standing in for Neon's
 * {@code -pooler} endpoint: every transaction may run on another server connection, so session state (a
 * {@code SET}, a server-side prepared statement, a session advisory lock) does not follow a client. With
 * {@code serverConnections} 1, all clients share one server connection, which makes such a mistake fail at once.
 * {@code .ci/run} installs the package; without it (or when not run as root, which PgBouncer refuses unless told
 * another user) {@link #start} returns empty and the tests that need it are skipped.
 */
public final class PgBouncer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Process process;
    private final DatabaseUrl url;
    private final Path dir;

    private PgBouncer(Process process, DatabaseUrl url, Path dir) {
        this.process = process;
        this.url = url;
        this.dir = dir;
    }

    /** Starts a pooler in front of {@code upstream}'s server, for its user and password; empty if unavailable. */
    public static Optional<PgBouncer> start(DatabaseUrl upstream, int serverConnections) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory(
                "phylo-pgbouncer", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int port = freePort();
        Files.writeString(
                dir.resolve("userlist.txt"),
                quoted(upstream.user()) + " " + quoted(upstream.password()) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pgbouncer.ini"), """
                [databases]
                * = host=%s port=%d
                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = scram-sha-256
                auth_file = %s
                pool_mode = transaction
                default_pool_size = %d
                max_client_conn = 500
                max_db_connections = %d
                server_reset_query =
                ignore_startup_parameters = extra_float_digits,options
                """.formatted(
                        upstream.host(),
                        upstream.port(),
                        port,
                        dir.resolve("userlist.txt"),
                        serverConnections,
                        serverConnections));
        List<String> command = new java.util.ArrayList<>(List.of(BINARY.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
        }
        command.add(dir.resolve("pgbouncer.ini").toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("pgbouncer.log").toFile())
                .start();
        DatabaseUrl url = DatabaseUrl.of(upstream.user(), upstream.password(), "127.0.0.1", port, upstream.database())
                .withParam("sslmode", "disable")
                .withParam("prepareThreshold", "0"); // pgJDBC: no server-side prepared statements (see NeonSettings)
        PgBouncer bouncer = new PgBouncer(process, url, dir);
        bouncer.awaitListening(port);
        return Optional.of(bouncer);
    }

    /** The URL of {@code database} through the pooler (for pgJDBC: with {@code prepareThreshold=0}). */
    public DatabaseUrl url(String database) {
        return url.withDatabase(database);
    }

    /** The URL of the upstream URL's own database through the pooler. */
    public DatabaseUrl url() {
        return url;
    }

    /** What PgBouncer logged (for a failing test's message). */
    public String log() {
        try {
            return Files.readString(dir.resolve("pgbouncer.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("PgBouncer: could not remove " + dir + ": " + e);
        }
    }

    private void awaitListening(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("pgbouncer exited with " + process.exitValue() + ": " + log());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted waiting for pgbouncer", e);
                }
            }
        }
        close();
        throw new IOException("pgbouncer did not listen on " + port + " within 20 s: " + log());
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
