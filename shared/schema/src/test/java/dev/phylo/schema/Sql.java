package dev.phylo.schema;

import dev.phylo.store.DatabaseUrl;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Tiny JDBC helpers for the tests. */
final class Sql {

    /** pgJDBC directly: DriverManager hands out a driver only to callers of the class loader that registered it. */
    private static final Driver DRIVER = new org.postgresql.Driver();

    private Sql() {}

    static Connection connect(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        if (!url.password().isEmpty()) {
            properties.setProperty("password", url.password());
        }
        return DRIVER.connect(url.toJdbcUrl(), properties);
    }

    static List<Map<String, Object>> query(DatabaseUrl url, String sql, Object... args) {
        try (Connection connection = connect(url);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    static List<String> strings(DatabaseUrl url, String sql, Object... args) {
        List<String> values = new ArrayList<>();
        for (Map<String, Object> row : query(url, sql, args)) {
            values.add(String.valueOf(row.values().iterator().next()));
        }
        return values;
    }

    static void execute(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = connect(url);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
