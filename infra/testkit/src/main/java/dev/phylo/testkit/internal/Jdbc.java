package dev.phylo.testkit.internal;

import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.TestDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC, one connection per call: test helpers favour isolation over speed. */
public final class Jdbc {

    private Jdbc() {}

    public static List<Map<String, Object>> query(DatabaseUrl url, String sql, Object... args) {
        try (Connection connection = PostgresJdbc.connect(url);
                PreparedStatement statement = prepare(connection, sql, args);
                ResultSet rows = statement.executeQuery()) {
            return rows(rows);
        } catch (SQLException e) {
            throw new TestDatabaseException("query failed: " + sql, e);
        }
    }

    public static List<String> strings(DatabaseUrl url, String sql, Object... args) {
        List<String> values = new ArrayList<>();
        for (Map<String, Object> row : query(url, sql, args)) {
            values.add(String.valueOf(row.values().iterator().next()));
        }
        return values;
    }

    public static void execute(DatabaseUrl url, String sql, Object... args) {
        try (Connection connection = PostgresJdbc.connect(url);
                PreparedStatement statement = prepare(connection, sql, args)) {
            statement.execute();
        } catch (SQLException e) {
            throw new TestDatabaseException("statement failed: " + sql, e);
        }
    }

    /** Runs a single-value query in a transaction whose time zone is UTC, so text forms of timestamps are stable. */
    public static String inUtc(DatabaseUrl url, String sql) {
        try (Connection connection = PostgresJdbc.connect(url)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL TIME ZONE 'UTC'");
                try (ResultSet rows = statement.executeQuery(sql)) {
                    rows.next();
                    String value = rows.getString(1);
                    connection.commit();
                    return value;
                }
            }
        } catch (SQLException e) {
            throw new TestDatabaseException("query failed: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    private static List<Map<String, Object>> rows(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                row.put(meta.getColumnLabel(c), rows.getObject(c));
            }
            result.add(row);
        }
        return result;
    }
}
