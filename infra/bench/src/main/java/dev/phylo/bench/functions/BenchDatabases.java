package dev.phylo.bench.functions;

import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.store.DatabaseUrl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What the database benchmarks share: a reactive pool on a URL, as the functions hold one, and plain SQL over JDBC. */
final class BenchDatabases {

    private BenchDatabases() {}

    /** A pool of at most {@code maxSize} connections to {@code url}. */
    static Pool pool(Vertx vertx, DatabaseUrl url, int maxSize) {
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(url.host())
                .setPort(url.port())
                .setDatabase(url.database())
                .setUser(url.user())
                .setPassword(url.password());
        return PgBuilder.pool()
                .connectingTo(connect)
                .with(new PoolOptions().setMaxSize(maxSize))
                .using(vertx)
                .build();
    }

    /** Runs {@code statements}, split at ';', one after the other on a new connection. */
    static void sql(DatabaseUrl url, String statements) throws SQLException {
        try (Connection connection = PostgresJdbc.connect(url);
                Statement st = connection.createStatement()) {
            for (String statement : statements.split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        }
    }
}
