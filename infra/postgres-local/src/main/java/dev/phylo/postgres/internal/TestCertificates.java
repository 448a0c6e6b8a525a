package dev.phylo.postgres.internal;

import dev.phylo.postgres.EmbeddedDatabaseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A throw-away certificate authority and a server certificate it signed, made with the JDK's keytool.
 *
 * <p>The server certificate names {@code DNS:localhost} as its only subject alternative name, so a client
 * verifying {@code localhost} succeeds and one verifying {@code 127.0.0.1} fails hostname verification.
 * Keys are EC P-256: keytool makes them in a fraction of the time RSA needs.
 *
 * @param caCertificate     PEM of the CA certificate, the client's {@code sslrootcert}
 * @param serverCertificate PEM of the server certificate
 * @param serverKey         PKCS#8 PEM of the server's private key, mode 0600
 */
public record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

    public static final String SERVER_HOST = "localhost";
    private static final String CA_CERTIFICATE = "ca.crt";

    private static final String VALIDITY_DAYS = "7";
    /** Back-dated a day so that second rounding or small clock skew never makes a fresh certificate "not yet valid". */
    private static final String START_DATE = "-1d";

    /** Generates all files into {@code dir} (created if needed), replacing files of the same names. */
    public static TestCertificates generate(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : new String[] {"ca.p12", "server.p12", "server.csr"}) {
                Files.deleteIfExists(dir.resolve(name));
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot prepare certificate directory " + dir, e);
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String storePassword = HexFormat.of().formatHex(random);
        Keytool keytool = new Keytool(dir);
        CompletableFuture<Void> ca = CompletableFuture.runAsync(() -> keytool.run(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=Phylo test CA",
                "-ext",
                "bc:c",
                "-ext",
                "ku:c=keyCertSign,cRLSign",
                "-startdate",
                START_DATE,
                "-validity",
                VALIDITY_DAYS,
                "-storetype",
                "PKCS12",
                "-keystore",
                "ca.p12",
                "-storepass",
                storePassword));
        keytool.run(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + SERVER_HOST,
                "-validity",
                VALIDITY_DAYS,
                "-storetype",
                "PKCS12",
                "-keystore",
                "server.p12",
                "-storepass",
                storePassword);
        keytool.run(
                "-certreq",
                "-alias",
                "server",
                "-keystore",
                "server.p12",
                "-storepass",
                storePassword,
                "-file",
                "server.csr");
        join(ca);
        Path serverCertificate = dir.resolve("server.crt");
        keytool.run(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                "ca.p12",
                "-storepass",
                storePassword,
                "-infile",
                "server.csr",
                "-outfile",
                serverCertificate.getFileName().toString(),
                "-rfc",
                "-startdate",
                START_DATE,
                "-validity",
                VALIDITY_DAYS,
                "-ext",
                "san=dns:" + SERVER_HOST,
                "-ext",
                "ku:c=digitalSignature",
                "-ext",
                "eku=serverAuth");

        Path caCertificate = caCertificateIn(dir);
        Path serverKey = dir.resolve("server.key");
        KeyStore caStore = load(dir.resolve("ca.p12"), storePassword);
        KeyStore serverStore = load(dir.resolve("server.p12"), storePassword);
        try {
            writePem(caCertificate, "CERTIFICATE", caStore.getCertificate("ca").getEncoded(), false);
            Key key = serverStore.getKey("server", storePassword.toCharArray());
            writePem(serverKey, "PRIVATE KEY", key.getEncoded(), true);
            Files.delete(dir.resolve("server.csr"));
        } catch (GeneralSecurityException | IOException e) {
            throw new EmbeddedDatabaseException("cannot write PEM files to " + dir, e);
        }
        return new TestCertificates(caCertificate, serverCertificate, serverKey);
    }

    /** Where {@link #generate} puts the CA certificate. */
    public static Path caCertificateIn(Path dir) {
        return dir.resolve(CA_CERTIFICATE);
    }

    private static KeyStore load(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new EmbeddedDatabaseException("cannot read keystore " + file, e);
        }
    }

    /** Writes DER bytes as PEM; a private key is created with mode 0600 before any byte is written. */
    static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.deleteIfExists(file);
        if (secret) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }
}
