package io.cmeautopilot.accounts.csv;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cmeautopilot.common.NamedSql;

/** For validate mode: writes nothing, but counts how many rows would create or update an account. */
final class ExistingAccountCount implements AccountSink {

    private static final NamedSql COUNT_EXISTING =
            NamedSql.of("SELECT count(*) FROM accounts WHERE external_id = ANY(:externalIds)");

    private final Connection connection;
    private final List<String> pending = new ArrayList<>();
    private long created;
    private long updated;

    ExistingAccountCount(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void add(ImportedAccount account) throws SQLException {
        pending.add(account.externalId());
        if (pending.size() >= BATCH_SIZE) {
            flush();
        }
    }

    @Override
    public void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        try (PreparedStatement count = COUNT_EXISTING.prepare(connection,
                Map.of("externalIds", pending.toArray(String[]::new)));
                ResultSet rs = count.executeQuery()) {
            rs.next();
            long existing = rs.getLong(1);
            updated += existing;
            created += pending.size() - existing;
        }
        pending.clear();
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
    public void close() {
        // nothing held: each count is its own statement
    }
}
