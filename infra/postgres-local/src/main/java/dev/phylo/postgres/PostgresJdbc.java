package dev.phylo.postgres;

import dev.phylo.store.DatabaseUrl;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * JDBC connections for the tools on a developer's machine (the CLI, the test kit, the benchmarks), opened through
 * pgJDBC's driver directly rather than {@link java.sql.DriverManager}. DriverManager hands a driver only to a caller
 * whose class loader sees the very class that registered it; a test JVM that starts a second Quarkus application (a
 * {@code @TestProfile} class) has a new class loader, and DriverManager then answers "No suitable driver found".
 */
public final class PostgresJdbc {

    private static final Driver DRIVER = new org.postgresql.Driver();

    private PostgresJdbc() {}

    /** A connection to {@code url} with its credentials. */
    public static Connection connect(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        if (!url.password().isEmpty()) {
            properties.setProperty("password", url.password());
        }
        Connection connection = DRIVER.connect(url.toJdbcUrl(), properties);
        if (connection == null) { // a driver answers null for a URL it does not take; toJdbcUrl() always is its own
            throw new SQLException("pgJDBC did not accept " + url.toJdbcUrl());
        }
        return connection;
    }
}
