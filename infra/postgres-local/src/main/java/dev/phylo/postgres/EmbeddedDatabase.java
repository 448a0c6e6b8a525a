package dev.phylo.postgres;

import dev.phylo.postgres.internal.ClusterFiles;
import dev.phylo.postgres.internal.OrphanedServer;
import dev.phylo.postgres.internal.TestCertificates;
import dev.phylo.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A PostgreSQL 17 server (io.zonky embedded binaries) on a free loopback port, for local runs and tests.
 *
 * <p>The {@value #SUPERUSER} role has a random password and the server accepts TCP connections from loopback only,
 * with SCRAM authentication, so clients exercise real credentials. {@link #startWithTls(Path)} additionally turns
 * on TLS with a certificate for {@code localhost} signed by a freshly made test CA, and refuses non-TLS connections.
 *
 * <p>The server stops on {@link #close()} or, failing that, when the JVM exits.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    public static final String HOST = "localhost";

    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final DatabaseUrl url;
    private final Path caCertificate;
    private final Path temporaryCertDir;
    private final Duration startupTime;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(
            EmbeddedPostgres postgres,
            DatabaseUrl url,
            Path caCertificate,
            Path temporaryCertDir,
            Duration startupTime) {
        this.postgres = postgres;
        this.url = url;
        this.caCertificate = caCertificate;
        this.temporaryCertDir = temporaryCertDir;
        this.startupTime = startupTime;
        this.shutdownHook = new Thread(() -> stop(false), "embedded-postgres-" + postgres.getPort() + "-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a server without TLS.
     *
     * @param dataDir the cluster's data directory, kept across starts (initialised on first use, e.g. the CLI's
     *                {@code .phylo/pg}); {@code null} for a temporary cluster deleted on close
     */
    public static EmbeddedDatabase start(Path dataDir) {
        return launch(dataDir, null, false);
    }

    /**
     * Starts a temporary server that accepts TLS connections only, with a server certificate whose only subject
     * alternative name is {@code DNS:localhost}, signed by a CA generated for this call.
     *
     * @param certDir where to write {@code ca.crt} (the client's {@code sslrootcert}), {@code server.crt} and
     *                {@code server.key}; {@code null} for a temporary directory deleted on close
     */
    public static EmbeddedDatabase startWithTls(Path certDir) {
        return launch(null, certDir, true);
    }

    /**
     * The {@code postgres} maintenance database as superuser on {@code localhost}, password included;
     * with TLS it carries {@code sslmode=verify-full} and {@code sslrootcert}.
     */
    public DatabaseUrl url() {
        return url;
    }

    /** {@link #url()} as a JDBC URL; credentials are not part of it. */
    public String jdbcUrl() {
        return url.toJdbcUrl();
    }

    public int port() {
        return postgres.getPort();
    }

    /** How long {@code start}/{@code startWithTls} took, including initdb and certificate generation. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The PEM file of the test CA that signed the server certificate. */
    public Path caCertificatePem() {
        if (caCertificate == null) {
            throw new IllegalStateException("this embedded database was started without TLS; use startWithTls");
        }
        return caCertificate;
    }

    /**
     * Creates a database unless it exists, and returns its URL.
     *
     * @param name lowercase identifier: {@code [a-z_][a-z0-9_]*}, at most 63 characters
     */
    public DatabaseUrl createDatabase(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": '" + name + "'");
        }
        try (Connection connection = PostgresJdbc.connect(url);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE \"" + name + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("cannot create database '" + name + "' on " + url, e);
        }
        return url.withDatabase(name);
    }

    /** Stops the server and deletes temporary directories. Idempotent. */
    @Override
    public void close() {
        stop(true);
    }

    private void stop(boolean removeHook) {
        if (closed.getAndSet(true)) {
            return;
        }
        if (removeHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // close() called from another shutdown hook: the JVM is exiting and hooks can no longer be removed.
                // This call stops the server; our own hook then finds `closed` set and returns.
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot stop embedded PostgreSQL on port " + port(), e);
        } finally {
            if (temporaryCertDir != null) {
                ClusterFiles.deleteRecursively(temporaryCertDir);
            }
        }
    }

    private static EmbeddedDatabase launch(Path dataDir, Path certDir, boolean tls) {
        long startNanos = System.nanoTime();
        String password = dataDir == null ? ClusterFiles.newPassword() : ClusterFiles.passwordFor(dataDir);
        Path temporaryCertDir = tls && certDir == null ? ClusterFiles.createTempDirectory("phylo-pg-tls") : null;
        Path certs = certDir != null ? certDir : temporaryCertDir;
        CompletableFuture<TestCertificates> certificates =
                tls ? CompletableFuture.supplyAsync(() -> TestCertificates.generate(certs)) : null;
        Path passwordFile = ClusterFiles.writeTemporaryPasswordFile(password);
        boolean started = false;
        try {
            if (dataDir != null) {
                // a server left running by a killed process keeps the directory; stop it (or refuse if it is in use)
                OrphanedServer.stopIfOrphaned(dataDir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(STARTUP_WAIT)
                    // initdb options: C collation (byte order, the same on every machine) and the superuser password
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(
                            directory -> ClusterFiles.configure(directory.toPath(), password, certificates));
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            } else {
                // a throw-away cluster needs no crash safety
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            }
            if (tls) {
                builder.setServerConfig("ssl", "on")
                        .setConnectConfig("sslmode", "verify-full")
                        .setConnectConfig(
                                "sslrootcert",
                                TestCertificates.caCertificateIn(certs).toString());
            }
            EmbeddedPostgres postgres = builder.start();
            DatabaseUrl url = DatabaseUrl.of(SUPERUSER, password, HOST, postgres.getPort(), MAINTENANCE_DATABASE);
            Path caCertificate = null;
            if (tls) {
                caCertificate = certificates.join().caCertificate();
                url = url.withParam("sslmode", "verify-full").withParam("sslrootcert", caCertificate.toString());
            }
            EmbeddedDatabase database = new EmbeddedDatabase(
                    postgres, url, caCertificate, temporaryCertDir, Duration.ofNanos(System.nanoTime() - startNanos));
            started = true;
            return database;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "embedded PostgreSQL did not start" + (dataDir == null ? "" : " in data directory " + dataDir), e);
        } finally {
            ClusterFiles.delete(passwordFile);
            if (!started && temporaryCertDir != null) {
                ClusterFiles.deleteRecursively(temporaryCertDir);
            }
        }
    }
}
