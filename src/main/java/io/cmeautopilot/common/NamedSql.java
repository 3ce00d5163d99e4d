package io.cmeautopilot.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL with {@code :name} parameters, for the hand-written set-based queries that are too large to
 * read with positional {@code ?}. PostgreSQL casts ({@code ::date}) are left alone; a {@code :word}
 * inside a string literal would be taken for a parameter, so the queries keep literals free of them.
 */
public final class NamedSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-zA-Z_][a-zA-Z0-9_]*)");

    private final String jdbcSql;
    private final List<String> names;

    private NamedSql(String jdbcSql, List<String> names) {
        this.jdbcSql = jdbcSql;
        this.names = names;
    }

    public static NamedSql of(String sql) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new NamedSql(out.toString(), List.copyOf(names));
    }

    /** The statement as JDBC sees it (for tests). */
    String jdbcSql() {
        return jdbcSql;
    }

    public PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbcSql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("No value for SQL parameter :" + name);
                }
                bind(connection, statement, i + 1, values.get(name));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof LocalDate date) {
            statement.setObject(index, date);
        } else if (value instanceof Long[] longs) {
            statement.setArray(index, connection.createArrayOf("bigint", longs));
        } else if (value instanceof LocalDate[] dates) {
            statement.setArray(index, connection.createArrayOf("date", dates));
        } else if (value instanceof Instant[] instants) {
            Object[] text = java.util.Arrays.stream(instants).map(i -> i == null ? null : i.toString()).toArray();
            statement.setArray(index, connection.createArrayOf("timestamptz", text));
        } else if (value instanceof String[] strings) {
            statement.setArray(index, connection.createArrayOf("text", strings));
        } else {
            statement.setObject(index, value);
        }
    }
}
