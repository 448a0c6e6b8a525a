package dev.phylo.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTest {

    @Test
    void serverRequiresThePassword() throws SQLException {
        DatabaseUrl url = SharedServer.get().url();

        try (Connection connection = url.connect()) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(url.password()).hasSize(32);
        assertThatThrownBy(() -> DatabaseUrl.of(url.user(), "wrong", url.host(), url.port(), url.database()).connect())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void urlIsSuperuserOnLocalhostWithoutTls() {
        EmbeddedDatabase server = SharedServer.get();

        assertThat(server.url().user()).isEqualTo("postgres");
        assertThat(server.url().host()).isEqualTo("localhost");
        assertThat(server.url().port()).isEqualTo(server.port());
        assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/postgres");
        assertThatThrownBy(server::caCertificatePem).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void createDatabaseIsIdempotentAndValidatesTheName() {
        EmbeddedDatabase server = SharedServer.get();

        DatabaseUrl first = server.createDatabase("idempotent_db");
        DatabaseUrl second = server.createDatabase("idempotent_db");

        assertThat(second).isEqualTo(first);
        assertThat(first.database()).isEqualTo("idempotent_db");
        assertThat(Sql.strings(first, "SELECT current_database()")).containsExactly("idempotent_db");
        assertThatThrownBy(() -> server.createDatabase("Bad-Name\"; DROP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad-Name");
    }

    @Test
    void persistentDataDirectoryKeepsDataAndPasswordAcrossRestarts(@TempDir Path dir) throws SQLException {
        Path dataDir = dir.resolve("pg");
        String password;
        try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir)) {
            System.out.println("EmbeddedDatabase.start (fresh data dir) took " + server.startupTime().toMillis() + " ms");
            password = server.url().password();
            Sql.execute(server.url(), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }

        try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir)) {
            System.out.println("EmbeddedDatabase.start (existing data dir) took " + server.startupTime().toMillis() + " ms");
            assertThat(server.url().password()).isEqualTo(password);
            assertThat(Sql.strings(server.url(), "SELECT v FROM kept")).containsExactly("42");
        }
    }

    @Test
    void clusterUsesUtf8AndByteOrderCollation() {
        assertThat(Sql.strings(SharedServer.get().url(),
                "SELECT pg_encoding_to_char(encoding) || ' ' || datcollate FROM pg_database WHERE datname = 'postgres'"))
                .containsExactly("UTF8 C");
    }
}
