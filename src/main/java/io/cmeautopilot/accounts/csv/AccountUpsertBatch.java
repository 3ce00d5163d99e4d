package io.cmeautopilot.accounts.csv;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cmeautopilot.rules.api.Stage;

/**
 * Upserts accounts by external id with JDBC batches, on the caller's (transaction-enlisted)
 * connection. Only the columns the file maps are written, so a file without a {@code tier} column
 * leaves every account's tier alone. Attributes are merged into the stored ones; blank cells remove theirs.
 */
final class AccountUpsertBatch implements AccountSink {

    // A plain mapper, like Hibernate's for JSONB: the REST mapper's settings must not change stored JSON.
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final PreparedStatement statement;
    private final List<KnownField> fields;
    private final OffsetDateTime now;
    private int pending;
    private long created;
    private long updated;

    AccountUpsertBatch(Connection connection, Set<KnownField> fields, Instant now) throws SQLException {
        this.connection = connection;
        this.fields = List.copyOf(fields);
        this.now = now.atOffset(ZoneOffset.UTC);
        // The SQL has its own RETURNING; asking for generated keys makes the driver hand its rows back per batch.
        this.statement = connection.prepareStatement(sql(this.fields), Statement.RETURN_GENERATED_KEYS);
    }

    /**
     * A blank stage cannot be stored as null (the column is NOT NULL): it means ONBOARDING for a new
     * account and "unchanged" for an existing one. {@code xmax = 0} only for a freshly inserted row.
     */
    static String sql(List<KnownField> fields) {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        StringJoiner updates = new StringJoiner(", ");
        for (KnownField f : fields) {
            columns.add(f.column);
            values.add(f == KnownField.STAGE ? "COALESCE(?, 'ONBOARDING')" : "?");
            if (f == KnownField.STAGE) {
                updates.add("stage = COALESCE(?, accounts.stage)");
            } else if (f != KnownField.EXTERNAL_ID) {
                updates.add(f.column + " = excluded." + f.column);
            }
        }
        columns.add("attributes").add("created_at").add("updated_at");
        values.add("?::jsonb").add("?").add("?");
        updates.add("attributes = (accounts.attributes || excluded.attributes) - ?::text[]")
                .add("updated_at = excluded.updated_at")
                .add("version = accounts.version + 1");
        return "INSERT INTO accounts (" + columns + ") VALUES (" + values + ")"
                + " ON CONFLICT (external_id) DO UPDATE SET " + updates
                + " RETURNING (xmax = 0) AS inserted";
    }

    @Override
    public void add(ImportedAccount account) throws SQLException {
        int p = 1;
        for (KnownField f : fields) {
            bind(p++, account.fields().get(f));
        }
        statement.setString(p++, json(account));
        statement.setObject(p++, now);
        statement.setObject(p++, now);
        if (fields.contains(KnownField.STAGE)) {
            bind(p++, account.fields().get(KnownField.STAGE));
        }
        statement.setArray(p, connection.createArrayOf("text", account.clearedAttributes().toArray()));
        statement.addBatch();
        if (++pending >= BATCH_SIZE) {
            flush();
        }
    }

    @Override
    public void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        statement.executeBatch();
        try (ResultSet inserted = statement.getGeneratedKeys()) {
            while (inserted.next()) {
                if (inserted.getBoolean(1)) {
                    created++;
                } else {
                    updated++;
                }
            }
        }
        pending = 0;
    }

    private void bind(int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof Stage stage) {
            statement.setString(index, stage.name());
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else {
            statement.setObject(index, value); // LocalDate
        }
    }

    private static String json(ImportedAccount account) {
        try {
            return JSON.writeValueAsString(account.attributes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write attributes as JSON", e);
        }
    }

    @Override
    public long created() {
        return created;
    }

    @Override
    public long updated() {
        return updated;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
