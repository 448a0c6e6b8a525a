package dev.phylo.functions.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.store.NeonSettings;
import dev.phylo.testkit.PgBouncer;
import dev.phylo.testkit.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mistakes Neon's pooler (PgBouncer in transaction mode) punishes, shown to fail on a real PgBouncer, and the
 * settings {@link NeonSettings} gives a pooler shown to survive the same sequence. So the function tests that run
 * through PgBouncer ({@code PHYLO_TEST_POOLER=pgbouncer}, a second pass in {@code .ci/run}) can fail: a cached
 * server-side prepared statement or a session {@code SET} would break or leak there.
 */
class PoolerTest {

    private static PgBouncer pooler;
    private static Vertx vertx;

    @BeforeAll
    static void startPooler() throws Exception {
        Optional<PgBouncer> started = PgBouncer.start(TestDatabase.url(), 2);
        assumeTrue(started.isPresent(), "PgBouncer (Debian pgbouncer) is not installed");
        pooler = started.get();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        if (pooler != null) {
            pooler.close();
        }
    }

    /**
     * A statement the client prepared (and cached) on one server connection is executed again after its next
     * transaction landed on the other one. PgBouncer hands out the most recently freed server connection, which
     * makes the sequence deterministic: a second client holds X while the first prepares on Y; X is freed last.
     */
    @Test
    void aCachedPreparedStatementBreaksBehindThePoolerAndNeonSettingsPoolerOptionsDoNot() throws Exception {
        PgConnectOptions cached = connectOptions().setCachePreparedStatements(true);
        assertThatThrownBy(() -> preparedTwiceAcrossServerConnections(cached))
                .hasMessageContaining("prepared statement")
                .hasMessageContaining("does not exist");

        Map<String, String> pooled = NeonSettings.of(pooler.url(), 2)
                .withPooler(NeonSettings.TRANSACTION_POOLER)
                .quarkusProperties();
        PgConnectOptions neon = connectOptions()
                .setCachePreparedStatements(
                        Boolean.parseBoolean(pooled.get("quarkus.datasource.reactive.cache-prepared-statements")))
                .setUseLayer7Proxy(
                        Boolean.parseBoolean(pooled.get("quarkus.datasource.reactive.postgresql.use-layer7-proxy")));
        assertThat(preparedTwiceAcrossServerConnections(neon)).isEqualTo(43);
    }

    /** A session SET leaks to the next client of the server connection; set_config(…, true) ends with its transaction. */
    @Test
    void aSessionSetLeaksToAnotherClientAndATransactionLocalOneDoesNot() throws Exception {
        try (PgBouncer single = PgBouncer.start(TestDatabase.url(), 1).orElseThrow();
                Connection a = PostgresJdbc.connect(single.url());
                Connection b = PostgresJdbc.connect(single.url())) {
            String before = show(b, "statement_timeout");
            try (Statement st = a.createStatement()) {
                st.execute("SET statement_timeout = '1234ms'");
            }
            assertThat(show(b, "statement_timeout"))
                    .as("the mistake: another client's session")
                    .isEqualTo("1234ms");
            try (Statement st = a.createStatement()) {
                st.execute("RESET statement_timeout");
                a.setAutoCommit(false);
                st.execute("SELECT set_config('statement_timeout', '4321ms', true)"); // what Database does
                a.commit();
            }
            assertThat(show(b, "statement_timeout")).isEqualTo(before);
        }
    }

    private int preparedTwiceAcrossServerConnections(PgConnectOptions options) throws Exception {
        try (Connection holder = PostgresJdbc.connect(pooler.url())) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT 1"); // holds server connection X inside its transaction
            }
            SqlConnection client =
                    await(io.vertx.pgclient.PgConnection.connect(vertx, options).map(c -> (SqlConnection) c));
            try {
                await(client.preparedQuery("SELECT $1::int + 1").execute(Tuple.of(1))); // prepared on Y
                holder.commit(); // X is freed last: the next transaction gets it
                return await(client.preparedQuery("SELECT $1::int + 1").execute(Tuple.of(42)))
                        .iterator()
                        .next()
                        .getInteger(0);
            } finally {
                await(client.close());
            }
        }
    }

    private static PgConnectOptions connectOptions() {
        DatabaseUrl url = pooler.url();
        return new PgConnectOptions()
                .setHost(url.host())
                .setPort(url.port())
                .setDatabase(url.database())
                .setUser(url.user())
                .setPassword(url.password());
    }

    private static String show(Connection c, String setting) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
