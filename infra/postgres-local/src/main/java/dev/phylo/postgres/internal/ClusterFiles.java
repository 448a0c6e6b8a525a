package dev.phylo.postgres.internal;

import dev.phylo.postgres.EmbeddedDatabaseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/** The files an embedded cluster needs besides what initdb writes: superuser password, pg_hba.conf, TLS key pair. */
public final class ClusterFiles {

    /** Kept in the data directory so that a persistent cluster (the CLI's {@code .phylo/pg}) can be reopened. */
    public static final String PASSWORD_FILE = "phylo-superuser.password";

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClusterFiles() {}

    public static String newPassword() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The password of the cluster in {@code dataDir}: the stored one if initialised, else a new one. */
    public static String passwordFor(Path dataDir) {
        if (!Files.exists(dataDir.resolve("postgresql.conf"))) {
            return newPassword();
        }
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (!Files.isRegularFile(file)) {
            throw new EmbeddedDatabaseException("data directory " + dataDir + " holds a cluster but no " + PASSWORD_FILE
                    + "; it was not created by EmbeddedDatabase. Delete the directory or use another one.");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot read " + file, e);
        }
    }

    /** A mode-0600 temporary file holding the password, for {@code initdb --pwfile}. */
    public static Path writeTemporaryPasswordFile(String password) {
        try {
            Path file = Files.createTempFile("phylo-pg-", ".pw", OWNER_ONLY);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot write a temporary password file", e);
        }
    }

    /**
     * Called after initdb and before every server start: stores the password, writes pg_hba.conf
     * (SCRAM from loopback only; TLS only when certificates are given) and installs the server's key pair.
     */
    public static void configure(Path dataDir, String password, CompletableFuture<TestCertificates> certificates) {
        try {
            Path passwordFile = dataDir.resolve(PASSWORD_FILE);
            if (!Files.exists(passwordFile)) {
                Files.createFile(passwordFile, OWNER_ONLY);
                Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            }
            String hostType = certificates == null ? "host" : "hostssl";
            Files.writeString(
                    dataDir.resolve("pg_hba.conf"),
                    String.join(
                            "\n",
                            "# Written by dev.phylo.postgres.EmbeddedDatabase on every start.",
                            "# TYPE  DATABASE USER ADDRESS       METHOD",
                            "local    all      all                scram-sha-256",
                            hostType + " all all 127.0.0.1/32 scram-sha-256",
                            hostType + " all all ::1/128      scram-sha-256",
                            ""),
                    StandardCharsets.UTF_8);
            if (certificates != null) {
                TestCertificates files = joinCertificates(certificates);
                Files.copy(
                        files.serverCertificate(), dataDir.resolve("server.crt"), StandardCopyOption.REPLACE_EXISTING);
                Path key = dataDir.resolve("server.key");
                Files.deleteIfExists(key);
                Files.createFile(key, OWNER_ONLY);
                Files.write(key, Files.readAllBytes(files.serverKey()));
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot configure cluster files in " + dataDir, e);
        }
    }

    public static Path createTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot create a temporary directory " + prefix + "*", e);
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot delete " + file, e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new EmbeddedDatabaseException("cannot delete directory " + dir, e);
        }
    }

    private static TestCertificates joinCertificates(CompletableFuture<TestCertificates> certificates) {
        try {
            return certificates.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }
}
