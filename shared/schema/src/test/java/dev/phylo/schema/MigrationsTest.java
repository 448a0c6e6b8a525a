package dev.phylo.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phylo.store.DatabaseUrl;
import dev.phylo.store.StorageMode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class MigrationsTest {

    private static final List<String> TABLES = List.of(
            "ingest_files",
            "ingest_rejects",
            "market_data",
            "run_generations",
            "run_strategies",
            "runs",
            "strategies",
            "strategy_metrics");

    private DatabaseUrl db;

    @BeforeEach
    void freshDatabase() {
        db = SharedServer.get()
                .createDatabase("migrations_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Test
    void appliesEveryBundledMigrationToAnEmptyDatabase() {
        MigrationResult result = Migrations.migrate(db);

        assertThat(result.previousVersion()).isNull();
        assertThat(result.currentVersion()).isEqualTo(Migrations.expectedVersion());
        assertThat(result.applied()).isEqualTo(bundledScripts().size());
        assertThat(result.timescale()).isEqualTo(SharedServer.get().timescaleAvailable());
        assertThat(Sql.strings(
                        db,
                        "SELECT table_name FROM information_schema.tables "
                                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' "
                                + "ORDER BY table_name"))
                .isEqualTo(TABLES);
    }

    @Test
    void expectedVersionIsTheHighestBundledScriptVersion() {
        int highest = bundledScripts().stream()
                .map(name -> Pattern.compile("^V(\\d+)__.*\\.sql$").matcher(name))
                .filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .max()
                .orElseThrow();

        assertThat(Migrations.expectedVersion()).isEqualTo(String.valueOf(highest));
    }

    @Test
    void migratingAgainAppliesNothingAndChangesNothing() {
        Migrations.migrate(db);
        List<Map<String, Object>> schemaBefore = schemaFingerprint();

        MigrationResult again = Migrations.migrate(db);

        assertThat(again.applied()).isZero();
        assertThat(again.previousVersion()).isEqualTo(Migrations.expectedVersion());
        assertThat(again.currentVersion()).isEqualTo(Migrations.expectedVersion());
        assertThat(schemaFingerprint()).isEqualTo(schemaBefore);
    }

    @Test
    void migratesThroughADataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.toJdbcUrl());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());

        MigrationResult result = Migrations.migrate(dataSource);

        assertThat(result.currentVersion()).isEqualTo(Migrations.expectedVersion());
        assertThat(result.timescale()).isEqualTo(SharedServer.get().timescaleAvailable());
    }

    @Test
    void createsColumnsWithSpecifiedTypesAndNullability() {
        Migrations.migrate(db);

        assertThat(columns("market_data"))
                .containsExactly(
                        "timestamp timestamp with time zone NO",
                        "symbol text NO",
                        "interval text NO",
                        "open numeric(20,8) NO",
                        "high numeric(20,8) NO",
                        "low numeric(20,8) NO",
                        "close numeric(20,8) NO",
                        "volume numeric(20,8) NO",
                        "source text NO");
        assertThat(columns("strategies"))
                .containsExactly(
                        "id text NO", "spec jsonb NO", "name text NO", "created_at timestamp with time zone NO");
        assertThat(columns("runs"))
                .containsExactly(
                        "run_id text NO",
                        "config jsonb NO",
                        "seed bigint NO",
                        "status text NO",
                        "generations_planned integer NO",
                        "generation integer YES",
                        "evaluated bigint NO",
                        "best_strategy_id text YES",
                        "best_fitness double precision YES",
                        "best_generation integer YES",
                        "created_at timestamp with time zone NO",
                        "updated_at timestamp with time zone NO",
                        "finished_at timestamp with time zone YES",
                        "error text YES");
        assertThat(columns("strategy_metrics"))
                .containsExactly(
                        "timestamp timestamp with time zone NO",
                        "run_id text NO",
                        "generation integer NO",
                        "strategy_id text NO",
                        "symbol text NO",
                        "fitness double precision NO",
                        "sharpe_ratio numeric(10,4) YES",
                        "total_return numeric(10,4) YES",
                        "max_drawdown numeric(10,4) YES",
                        "trade_count integer NO",
                        "win_rate numeric(5,4) YES",
                        "profit_factor numeric(10,4) YES",
                        "cagr double precision YES",
                        "sortino double precision YES",
                        "calmar double precision YES",
                        "exposure double precision YES",
                        "avg_trade double precision YES",
                        "best_trade double precision YES",
                        "worst_trade double precision YES",
                        "final_equity double precision YES",
                        "bars integer NO");
        assertThat(columns("ingest_files"))
                .containsExactly(
                        "bucket text NO",
                        "key text NO",
                        "version text NO",
                        "symbol text NO",
                        "interval text NO",
                        "mode text NO",
                        "rows_inserted integer NO",
                        "rows_updated integer NO",
                        "rows_unchanged integer NO",
                        "rows_rejected integer NO",
                        "snapshot_id text YES",
                        "ingested_at timestamp with time zone NO");
        assertThat(columns("ingest_rejects"))
                .containsExactly(
                        "bucket text NO", "key text NO", "version text NO", "line integer NO", "reason text NO");
    }

    @Test
    void primaryKeysAreTheNaturalKeys() {
        Migrations.migrate(db);

        assertThat(primaryKey("market_data")).isEqualTo("symbol, interval, timestamp");
        assertThat(primaryKey("strategies")).isEqualTo("id");
        assertThat(primaryKey("runs")).isEqualTo("run_id");
        assertThat(primaryKey("strategy_metrics")).isEqualTo("run_id, generation, strategy_id, symbol, timestamp");
        assertThat(primaryKey("ingest_files")).isEqualTo("bucket, key, version");
        assertThat(primaryKey("ingest_rejects")).isEqualTo("bucket, key, version, line");
    }

    @Test
    void createsDescendingTimeIndexes() {
        Migrations.migrate(db);

        assertThat(indexDefinition("market_data_symbol_time"))
                .endsWith("ON public.market_data USING btree (symbol, \"timestamp\" DESC)");
        // V6 dropped the strategy_id index no query used; the leaderboard's index replaced it
        assertThat(Sql.strings(
                        db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'strategy_metrics_strategy_time'"))
                .containsExactly("0");
        assertThat(indexDefinition("run_strategies_rank"))
                .endsWith(
                        "ON public.run_strategies USING btree (run_id, fitness DESC, strategy_id) INCLUDE (generation, "
                                + "avg_sharpe_ratio, avg_total_return, max_drawdown, trade_count)");
        assertThat(indexDefinition("runs_created_at")).endsWith("ON public.runs USING btree (created_at DESC)");
    }

    @Test
    void withoutTimescaleTheTablesArePlainWithBrinIndexesAndTheModeSaysWhy() {
        assumeFalse(SharedServer.get().timescaleAvailable(), "the test server has TimescaleDB");

        MigrationResult result = Migrations.migrate(db);

        assertThat(indexDefinition("market_data_time_brin"))
                .endsWith("ON public.market_data USING brin (\"timestamp\")");
        assertThat(indexDefinition("strategy_metrics_time_brin"))
                .endsWith("ON public.strategy_metrics USING brin (\"timestamp\")");
        assertThat(result.storage())
                .isEqualTo(new StorageMode(
                        StorageMode.PLAIN,
                        null,
                        List.of(),
                        "TimescaleDB is not installed on this server; plain tables with BRIN indexes on time"));
    }

    @Test
    void requiringTimescaleWhereItCannotBeCreatedFailsBeforeMigratingAndSaysWhy() {
        assumeFalse(SharedServer.get().timescaleAvailable(), "the test server has TimescaleDB");

        assertThatThrownBy(() -> Migrations.migrate(db.toJdbcUrl(), db.user(), db.password(), true))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("TimescaleDB is required")
                .hasMessageContaining("CREATE EXTENSION timescaledb failed")
                .hasMessageContaining("timescaledb");
        assertThat(Sql.strings(db, "SELECT to_regclass('flyway_schema_history') IS NULL"))
                .containsExactly("true");
    }

    @Test
    void withTimescaleTheTablesAreHypertablesSizedForTheirDataWithoutTheDefaultTimeIndex() {
        assumeTrue(SharedServer.get().timescaleAvailable(), "the test server has no TimescaleDB");

        MigrationResult result = Migrations.migrate(db.toJdbcUrl(), db.user(), db.password(), true);

        assertThat(result.storage().mode()).isEqualTo(StorageMode.TIMESCALEDB);
        assertThat(result.storage().hypertables()).containsExactly("market_data", "strategy_metrics");
        assertThat(Sql.strings(
                        db,
                        "SELECT hypertable_name || ' ' || time_interval FROM timescaledb_information.dimensions "
                                + "ORDER BY hypertable_name"))
                .containsExactly("market_data 365 days", "strategy_metrics 30 days");
        assertThat(Sql.strings(
                        db,
                        "SELECT indexname FROM pg_indexes WHERE tablename IN ('market_data', 'strategy_metrics') "
                                + "ORDER BY indexname"))
                .doesNotContain("market_data_timestamp_idx", "strategy_metrics_timestamp_idx");
    }

    @Test
    void withTimescaleTwentyYearsOfDailyBarsGoInOneTransactionAtDefaultLockSettings() throws SQLException {
        assumeTrue(SharedServer.get().timescaleAvailable(), "the test server has no TimescaleDB");
        Migrations.migrate(db);

        // 7,305 days from 1995: with V2's 1-day chunks this was ~7,300 chunks in one transaction, out of shared memory
        Sql.execute(
                db,
                "INSERT INTO market_data (\"timestamp\", symbol, interval, open, high, low, close, volume, source) "
                        + "SELECT d, 'ORCL', '1d', 1, 2, 0.5, 1.5, 100, 'test' "
                        + "FROM generate_series('1995-01-01'::timestamptz, '2014-12-31', interval '1 day') d");

        assertThat(Sql.strings(db, "SELECT count(*) FROM market_data")).containsExactly("7305");
        assertThat(Integer.parseInt(Sql.strings(
                                db,
                                "SELECT count(*) FROM timescaledb_information.chunks "
                                        + "WHERE hypertable_name = 'market_data'")
                        .get(0)))
                .isBetween(20, 21);
    }

    @Test
    void everyTableAndLeaderboardColumnIsDocumented() {
        Migrations.migrate(db);

        for (String table : TABLES) {
            assertThat(Sql.strings(db, "SELECT obj_description(?::regclass, 'pg_class')", table))
                    .as("comment on " + table)
                    .singleElement()
                    .asString()
                    .contains("Natural key");
        }
        assertThat(Sql.strings(
                        db,
                        "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = 'leaderboard'::regclass "
                                + "AND a.attnum > 0 AND col_description(a.attrelid, a.attnum) IS NULL"))
                .isEmpty();
    }

    @Test
    void enforcesStrategyIdFormatStatusAndIngestMode() {
        Migrations.migrate(db);

        assertThatThrownBy(() -> Sql.execute(
                        db,
                        "INSERT INTO strategies (id, spec, name) "
                                + "VALUES ('ABCDEF0123456789abcdef0123456789', '{}', 'upper case')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("strategies_id_check");
        assertThatThrownBy(() -> Sql.execute(
                        db,
                        "INSERT INTO runs (run_id, config, seed, status, generations_planned) "
                                + "VALUES ('r', '{}', 1, 'paused', 3)"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("runs_status_check");
        assertThatThrownBy(
                        () -> Sql.execute(
                                db,
                                "INSERT INTO ingest_files (bucket, key, version, symbol, interval, mode, "
                                        + "rows_inserted, rows_updated, rows_unchanged, rows_rejected) VALUES ('b', 'k', 'v', 'S', '1d', 'loose', 0, 0, 0, 0)"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("ingest_files_mode_check");
    }

    @Test
    void intervalColumnWorksUnquotedInUpserts() throws SQLException {
        Migrations.migrate(db);

        String upsert =
                "INSERT INTO market_data (\"timestamp\", symbol, interval, open, high, low, close, volume, source) "
                        + "VALUES ('2024-01-02T00:00:00Z', 'BTCUSD', '1d', 1, 2, 0.5, %s, 10, 'test') "
                        + "ON CONFLICT (symbol, interval, \"timestamp\") DO UPDATE SET close = excluded.close "
                        + "WHERE market_data.close IS DISTINCT FROM excluded.close";
        Sql.execute(db, String.format(upsert, "1.5"));
        Sql.execute(db, String.format(upsert, "1.75"));

        assertThat(Sql.query(db, "SELECT interval, close FROM market_data WHERE interval = '1d'"))
                .containsExactly(Map.of("interval", "1d", "close", new java.math.BigDecimal("1.75000000")));
    }

    @Test
    void deletingAnIngestedFileDeletesItsRejects() throws SQLException {
        Migrations.migrate(db);
        Sql.execute(
                db,
                "INSERT INTO ingest_files (bucket, key, version, symbol, interval, mode, rows_inserted, "
                        + "rows_updated, rows_unchanged, rows_rejected) VALUES ('b', 'k.csv', 'v1', 'S', '1d', 'lenient', 5, 0, 0, 2)");
        Sql.execute(
                db,
                "INSERT INTO ingest_rejects VALUES ('b', 'k.csv', 'v1', 3, 'high < low'), "
                        + "('b', 'k.csv', 'v1', 7, 'bad number')");

        Sql.execute(db, "DELETE FROM ingest_files WHERE key = 'k.csv'");

        assertThat(Sql.strings(db, "SELECT count(*) FROM ingest_rejects")).containsExactly("0");
    }

    @Test
    void failedMigrationNamesTheScriptAndSqlState() throws SQLException {
        Migrations.migrate(db);
        // undo V4 (and V5, V6 after it) by hand and leave a row V4's CHECK constraint refuses: re-running V4 must fail
        // and roll back
        Sql.execute(db, "DELETE FROM flyway_schema_history WHERE version IN ('4', '5', '6')");
        Sql.execute(db, "ALTER TABLE runs DROP CONSTRAINT runs_status_check");
        Sql.execute(
                db,
                "INSERT INTO runs (run_id, config, seed, status, generations_planned) "
                        + "VALUES ('bad-status', '{}', 1, 'paused', 1)");

        assertThatThrownBy(() -> Migrations.migrate(db))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V4__")
                .hasMessageContaining("SQLSTATE 23514")
                .hasMessageContaining("rolled back");
        assertThat(Sql.strings(db, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"))
                .containsExactly("0");
    }

    @Test
    void changedAppliedMigrationFailsValidation() throws SQLException {
        Migrations.migrate(db);
        Sql.execute(db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        assertThatThrownBy(() -> Migrations.migrate(db))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("validation")
                .hasMessageContaining("checksum");
    }

    @Test
    void connectionFailureNeverRevealsThePassword() {
        String secret = "Zq7-Distinctive-Secret-4K";
        String jdbcUrl = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database() + "?password="
                + secret + "&connectTimeout=5";

        MigrationException error = org.assertj.core.api.Assertions.catchThrowableOfType(
                MigrationException.class, () -> Migrations.migrate(jdbcUrl, "nobody", secret));

        assertThat(error).isNotNull();
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain(secret);
        }
        assertThat(error.getMessage()).contains("nobody");
    }

    private List<String> columns(String table) {
        return Sql.strings(
                db,
                "SELECT column_name || ' ' || "
                        + "CASE WHEN data_type = 'numeric' THEN 'numeric(' || numeric_precision || ',' || numeric_scale || ')' "
                        + "ELSE data_type END || ' ' || is_nullable FROM information_schema.columns "
                        + "WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position",
                table);
    }

    private String primaryKey(String table) {
        return Sql.strings(
                        db,
                        "SELECT string_agg(a.attname, ', ' ORDER BY k.ordinality) "
                                + "FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality) "
                                + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                                + "WHERE i.indrelid = ?::regclass AND i.indisprimary",
                        table)
                .get(0);
    }

    private String indexDefinition(String name) {
        List<String> found =
                Sql.strings(db, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = ?", name);
        assertThat(found).as("index " + name).hasSize(1);
        return found.get(0);
    }

    private List<Map<String, Object>> schemaFingerprint() {
        return Sql.query(
                db,
                "SELECT table_name, column_name, data_type, is_nullable, column_default "
                        + "FROM information_schema.columns WHERE table_schema = 'public' "
                        + "UNION ALL SELECT tablename, indexname, indexdef, '', '' FROM pg_indexes WHERE schemaname = 'public' "
                        + "UNION ALL SELECT 'history', version, script, checksum::text, installed_on::text FROM flyway_schema_history "
                        + "ORDER BY 1, 2, 3");
    }

    /** The script names, read from the build output directory independently of Flyway. */
    private static List<String> bundledScripts() {
        URL location = MigrationsTest.class.getClassLoader().getResource("db/migration");
        assertThat(location).as("db/migration on the class path").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list " + location, e);
        }
    }
}
