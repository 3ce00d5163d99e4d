package io.cmeautopilot.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.cmeautopilot.common.NamedSql;

/** Runs a named query on its own pooled connection and maps its rows: the health package's reads. */
public final class SqlRows {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private SqlRows() {
    }

    public static <T> List<T> list(DataSource dataSource, NamedSql sql, Map<String, ?> params, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    public static <T> Optional<T> first(DataSource dataSource, NamedSql sql, Map<String, ?> params, Row<T> row) {
        List<T> rows = list(dataSource, sql, params, row);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
