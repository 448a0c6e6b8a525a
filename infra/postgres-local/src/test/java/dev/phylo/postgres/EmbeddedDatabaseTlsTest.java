package dev.phylo.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.store.DatabaseUrl;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTlsTest {

    private static EmbeddedDatabase server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedDatabase.startWithTls(null);
        System.out.println(
                "EmbeddedDatabase.startWithTls took " + server.startupTime().toMillis() + " ms");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void verifyFullToLocalhostConnectsOverTls() throws SQLException {
        try (Connection connection = connect("localhost", "verify-full");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).isTrue();
        }
    }

    @Test
    void verifyFullToLoopbackAddressFailsHostnameVerification() {
        assertThatThrownBy(() -> connect("127.0.0.1", "verify-full").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("hostname")
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void plainConnectionIsRefused() {
        assertThatThrownBy(() -> connect("localhost", "disable").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no encryption");
    }

    @Test
    void urlCarriesVerifyFullAndTheCaCertificate() throws SQLException {
        DatabaseUrl url = server.url();

        assertThat(url.host()).isEqualTo("localhost");
        assertThat(url.param("sslmode")).contains("verify-full");
        assertThat(url.param("sslrootcert")).contains(server.caCertificatePem().toString());
        try (Connection connection = PostgresJdbc.connect(url)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void serverCertificateNamesOnlyLocalhostAndIsSignedByTheCa() throws Exception {
        Path certDir = server.caCertificatePem().getParent();
        X509Certificate ca = readCertificate(server.caCertificatePem());
        X509Certificate serverCertificate = readCertificate(certDir.resolve("server.crt"));

        assertThat(serverCertificate.getSubjectAlternativeNames()).containsExactly(List.of(2, "localhost"));
        serverCertificate.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(Files.readString(certDir.resolve("server.key"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certDir.resolve("server.key"))))
                .isEqualTo("rw-------");
    }

    private static Connection connect(String host, String sslMode) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.url().user());
        properties.setProperty("password", server.url().password());
        properties.setProperty("sslmode", sslMode);
        properties.setProperty("sslrootcert", server.caCertificatePem().toString());
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + server.port() + "/postgres", properties);
    }

    private static X509Certificate readCertificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
