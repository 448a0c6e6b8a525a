package dev.phylo.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.store.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void serverRequiresThePassword() throws SQLException {
        DatabaseUrl url = SharedServer.get().url();

        try (Connection connection = PostgresJdbc.connect(url)) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(url.password()).hasSize(32);
        assertThatThrownBy(() -> PostgresJdbc.connect(
                        DatabaseUrl.of(url.user(), "wrong", url.host(), url.port(), url.database())))
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
    void createDatabaseIsIdempotentAndValidatesTheName() throws SQLException {
        EmbeddedDatabase server = SharedServer.get();

        DatabaseUrl first = server.createDatabase("idempotent_db");
        DatabaseUrl second = server.createDatabase("idempotent_db");

        assertThat(second).isEqualTo(first);
        assertThat(first.database()).isEqualTo("idempotent_db");
        assertThat(strings(first, "SELECT current_database()")).containsExactly("idempotent_db");
        assertThatThrownBy(() -> server.createDatabase("Bad-Name\"; DROP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad-Name");
    }

    @Test
    void persistentDataDirectoryKeepsDataAndPasswordAcrossRestarts(@TempDir Path dir) throws SQLException {
        Path dataDir = dir.resolve("pg");
        String password;
        try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir)) {
            System.out.println("EmbeddedDatabase.start (fresh data dir) took "
                    + server.startupTime().toMillis() + " ms");
            password = server.url().password();
            execute(server.url(), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }

        try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir)) {
            System.out.println("EmbeddedDatabase.start (existing data dir) took "
                    + server.startupTime().toMillis() + " ms");
            assertThat(server.url().password()).isEqualTo(password);
            assertThat(strings(server.url(), "SELECT v FROM kept")).containsExactly("42");
        }
    }

    @Test
    void clusterUsesUtf8AndByteOrderCollation() throws SQLException {
        assertThat(
                        strings(
                                SharedServer.get().url(),
                                "SELECT pg_encoding_to_char(encoding) || ' ' || datcollate FROM pg_database WHERE datname = 'postgres'"))
                .containsExactly("UTF8 C");
    }

    private static List<String> strings(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = PostgresJdbc.connect(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = PostgresJdbc.connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
