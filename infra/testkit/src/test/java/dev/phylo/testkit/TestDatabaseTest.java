package dev.phylo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.schema.Migrations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    private static final String STRATEGY = "0123456789abcdef0123456789abcdef";

    @BeforeEach
    void emptyTables() {
        TestDatabase.reset();
    }

    @Test
    void comesUpMigratedToTheBundledVersion() {
        assertThat(TestDatabase.query("SELECT max(version::int) AS version FROM flyway_schema_history WHERE success"))
                .containsExactly(Map.of("version", Integer.parseInt(Migrations.expectedVersion())));
        assertThat(TestDatabase.count("market_data")).isZero();
    }

    @Test
    void resetEmptiesApplicationTablesButKeepsTheHistory() {
        insertStrategyAndRun();
        assertThat(TestDatabase.count("strategies")).isEqualTo(1);
        assertThat(TestDatabase.count("runs")).isEqualTo(1);
        long history = TestDatabase.count("flyway_schema_history");

        TestDatabase.reset();

        assertThat(TestDatabase.count("strategies")).isZero();
        assertThat(TestDatabase.count("runs")).isZero();
        assertThat(TestDatabase.count("flyway_schema_history"))
                .isEqualTo(history)
                .isPositive();
    }

    @Test
    void tableDigestIsStableAcrossIdenticalRewritesAndChangesWithContent() {
        String empty = TestDatabase.tableDigest("market_data");
        insertBar("2024-01-02T00:00:00Z", "1.5");
        insertBar("2024-01-01T00:00:00Z", "1.25");
        String first = TestDatabase.tableDigest("market_data");

        TestDatabase.reset();
        insertBar("2024-01-01T00:00:00Z", "1.25");
        insertBar("2024-01-02T00:00:00Z", "1.5");

        assertThat(empty).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(TestDatabase.tableDigest("market_data"))
                .isEqualTo(first)
                .isNotEqualTo(empty)
                .hasSize(32);
        TestDatabase.execute("UPDATE market_data SET close = 1.26 WHERE close = 1.25");
        assertThat(TestDatabase.tableDigest("market_data")).isNotEqualTo(first);
    }

    @Test
    void queryBindsParametersAndKeepsColumnOrder() {
        insertStrategyAndRun();

        List<Map<String, Object>> rows = TestDatabase.query("SELECT run_id, status, seed FROM runs WHERE seed = ?", 7L);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsExactly(Map.entry("run_id", "run-1"), Map.entry("status", "running"), Map.entry("seed", 7L));
    }

    @Test
    void rejectsTableNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> TestDatabase.count("runs; DROP TABLE runs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs; DROP TABLE runs");
    }

    @Test
    void postgresResourceGivesTheFullUrlWithSslDisabled() {
        Map<String, String> config = new PostgresResource().start();

        assertThat(config).containsOnlyKeys("neon.database.url");
        String url = config.get("neon.database.url");
        // a server without a password (trust authentication) gives a URL without one: user@host, no colon
        String password = TestDatabase.url().password();
        assertThat(url)
                .startsWith(
                        "postgresql://" + TestDatabase.url().user() + (password.isEmpty() ? "" : ":" + password) + "@")
                .endsWith("/" + TestDatabase.url().database() + "?sslmode=disable");
    }

    private static void insertStrategyAndRun() {
        TestDatabase.execute("INSERT INTO strategies (id, spec, name) VALUES (?, ?::jsonb, ?)", STRATEGY, "{}", "s");
        TestDatabase.execute(
                "INSERT INTO runs (run_id, config, seed, status, generations_planned, best_strategy_id) "
                        + "VALUES ('run-1', '{}', 7, 'running', 3, ?)",
                STRATEGY);
    }

    private static void insertBar(String time, String close) {
        TestDatabase.execute(
                "INSERT INTO market_data (\"timestamp\", symbol, interval, open, high, low, close, volume, "
                        + "source) VALUES (?::timestamptz, 'BTCUSD', '1d', 1, 2, 1, ?::numeric, 10, 'test')",
                time,
                close);
    }
}
