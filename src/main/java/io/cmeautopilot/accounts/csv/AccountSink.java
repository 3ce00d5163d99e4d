package io.cmeautopilot.accounts.csv;

import java.sql.SQLException;

/** Where valid rows go, in batches: upserted (apply) or only counted against the table (validate). */
interface AccountSink extends AutoCloseable {

    /** Rows per JDBC round trip: large enough to be fast, small enough to hold in memory. */
    int BATCH_SIZE = 500;

    void add(ImportedAccount account) throws SQLException;

    /** Writes (or counts) the rows still pending. */
    void flush() throws SQLException;

    long created();

    long updated();

    @Override
    void close() throws SQLException;
}
